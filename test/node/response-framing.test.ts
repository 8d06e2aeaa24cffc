/**
 * How content responses are framed on the wire: large bodies leave the
 * Worker as a stream (src/http/response-body.ts), and a client must still
 * be told their length up front, as it is for the small ones sent as a
 * Blob: `Content-Length` with the exact byte count, never chunked. Read with
 * node:http, which shows the headers as they arrived.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STREAM_BODY_FROM_BYTES } from "../../src/http/response-body";
import { type RunningWorker, startWorker } from "./support/worker-process";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: URL): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

describe("response framing", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker();
  }, 120_000);
  afterAll(() => worker.stop());

  // Not the HTML pages: wrangler dev's proxy sends those chunked whether the Worker gives it a Blob or a stream.
  const paths = [
    "/embed.js",
    "/v1/articles/leg-cramps/sections/calf-extension",
    "/v1/articles",
    "/v1/articles/leg-cramps",
    "/v1/articles/leg-cramps/jsonld",
  ];

  it("covers bodies on both sides of the size sent as a stream", async () => {
    const sizes = await Promise.all(paths.map(async (path) => (await get(new URL(path, worker.url))).body.length));
    expect(sizes.some((size) => size < STREAM_BODY_FROM_BYTES)).toBe(true);
    expect(sizes.some((size) => size >= STREAM_BODY_FROM_BYTES)).toBe(true);
  });

  it.each(paths)("sends %s with its exact Content-Length, built and then stored", async (path) => {
    // The first answer may build the representation; the second comes from the stored response.
    for (const attempt of ["first", "second"]) {
      const response = await get(new URL(path, worker.url));
      expect(response.status, attempt).toBe(200);
      expect(response.headers["transfer-encoding"], attempt).toBeUndefined();
      expect(response.headers["content-length"], attempt).toBe(String(response.body.length));
    }
  });
});
