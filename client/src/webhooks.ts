/**
 * Verifying a change event the API posted to your endpoint (Standard
 * Webhooks): the signature is an HMAC-SHA256, with your subscription's secret,
 * of `{webhook-id}.{webhook-timestamp}.{body}`, and a delivery older (or
 * newer) than the tolerance is refused, so a recorded one cannot be replayed.
 * Written with Web Crypto, so the client keeps no dependencies; the API's own
 * tests check it against the specification's reference library.
 *
 * @example
 * ```ts
 * import { verifyWebhook } from "@health-content/client";
 *
 * // The raw body, as received: parsing and serialising it again would change the bytes signed.
 * const event = await verifyWebhook(process.env.WEBHOOK_SECRET!, request.headers, await request.text());
 * if (event.type === "article.updated") console.log(event.data.slug, event.data.changedSections);
 * ```
 */
import type { webhooks } from "./generated/openapi.js";

type Delivered<Type extends keyof webhooks> = webhooks[Type] extends {
  post: { requestBody?: { content: { "application/json": infer Event } } };
}
  ? Event
  : never;

/** Any event the API posts: `article.published`, `article.updated` or `article.withdrawn`. */
export type ChangeEvent = { [Type in keyof webhooks]: Delivered<Type> }[keyof webhooks];

export class WebhookVerificationError extends Error {
  override name = "WebhookVerificationError";
}

/** Five minutes either way, as the specification's libraries allow. */
const DEFAULT_TOLERANCE_SECONDS = 300;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new WebhookVerificationError(`the ${name} header is missing`);
  return text;
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

function toBase64(bytes: ArrayBuffer): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}

/** Compares without stopping at the first difference, so timing tells nothing about a guess. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  }
  return difference === 0;
}

/**
 * The event, once its signature and timestamp check out; otherwise a
 * WebhookVerificationError saying what did not. `secret` is the `whsec_...`
 * shown when the subscription was made.
 */
export async function verifyWebhook(
  secret: string,
  headers: HeaderSource,
  body: string,
  { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, now = Date.now() }: { toleranceSeconds?: number; now?: number } = {},
): Promise<ChangeEvent> {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  const sentAt = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - sentAt) > toleranceSeconds) {
    throw new WebhookVerificationError("the webhook-timestamp is not within the tolerance: refused as a replay");
  }
  const key = await crypto.subtle.importKey(
    "raw",
    fromBase64(secret.replace(/^whsec_/, "")),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const expected = toBase64(
    await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestamp}.${body}`)),
  );
  // Space-separated `v1,<signature>` pairs: more than one while a secret is being rotated.
  const matches = signatures.split(" ").some((pair) => {
    const [version, signature = ""] = pair.split(",");
    return version === "v1" && sameText(signature, expected);
  });
  if (!matches) throw new WebhookVerificationError("no signature matches: not sent by the API with this secret");
  return JSON.parse(body) as ChangeEvent;
}
