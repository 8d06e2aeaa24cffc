import type { Context } from "hono";
import type { AppEnv } from "../env";
import { contentCacheControl } from "./cache-policy";
import { isNotModified } from "./conditional";
import type { JsonResponse, Representation } from "./representation";

/**
 * Serves a stored representation: 304 when the client's copy is current,
 * otherwise the stored bytes. HEAD is answered by Hono from the same handler.
 */
export function sendRepresentation<T>(
  c: Context<AppEnv>,
  representation: Representation<T>,
  vary?: string,
): JsonResponse<T> {
  const headers: Record<string, string> = {
    ETag: representation.etag,
    "Last-Modified": representation.lastModified,
    "Cache-Control": contentCacheControl(c.env),
    ...representation.headers,
  };
  if (vary) headers.Vary = vary;
  const response = isNotModified(c.req.raw.headers, representation)
    ? new Response(null, { status: 304, headers })
    : new Response(representation.body, { headers: { ...headers, "Content-Type": representation.contentType } });
  // The stored bytes were serialised from a T: this is where that type is restated for the client.
  return response as JsonResponse<T>;
}
