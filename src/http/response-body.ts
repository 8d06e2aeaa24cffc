/**
 * What a stored body is handed to `new Response` as. Given a large Blob
 * itself, the current workerd serves fewer responses a second and its memory
 * grows with every one it sends; given the Blob's stream it does neither,
 * and still sends `Content-Length`. Smaller bodies stay a Blob, which is as
 * fast or faster there (BENCHMARKS.md, "A stream for large bodies").
 */

/** Bodies of this many bytes or more are sent as `blob.stream()`. */
export const STREAM_BODY_FROM_BYTES = 6144;

export function responseBody(body: Blob): Blob | ReadableStream<Uint8Array> {
  return body.size >= STREAM_BODY_FROM_BYTES ? body.stream() : body;
}
