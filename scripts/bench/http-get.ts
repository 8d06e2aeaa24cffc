/**
 * One request over loopback with node:http, which (unlike fetch) lets the
 * Host header be chosen and shows the response exactly as wrk receives it.
 */
import { request } from "node:http";

export interface CapturedResponse {
  status: number;
  /** Header names lower-cased, in the order received; repeated headers stay repeated. */
  headers: [string, string][];
  body: Buffer;
  /** From sending the request to the last byte of the body. */
  ms: number;
}

/** A GET, or a POST of `body`, on a connection of its own. */
export function httpGet(
  origin: URL,
  path: string,
  headers: Readonly<Record<string, string>>,
  body?: string,
): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const method = body === undefined ? "GET" : "POST";
    const options = { host: origin.hostname, port: origin.port, path, method, headers: { ...headers }, agent: false };
    const req = request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          pairs.push([String(res.rawHeaders[i]).toLowerCase(), String(res.rawHeaders[i + 1])]);
        }
        const ms = performance.now() - started;
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks), ms });
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** Headers that belong to one connection, not to the representation. */
const PER_CONNECTION = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);

/** Ways two responses differ (status, any header, body bytes); empty when they are the same response. */
export function differences(expected: CapturedResponse, actual: CapturedResponse): string[] {
  const found: string[] = [];
  if (expected.status !== actual.status) found.push(`status ${expected.status} vs ${actual.status}`);
  const a = headerLines(expected);
  const b = headerLines(actual);
  for (const line of a) if (!b.includes(line)) found.push(`header missing: ${line}`);
  for (const line of b) if (!a.includes(line)) found.push(`header extra: ${line}`);
  if (!expected.body.equals(actual.body)) {
    found.push(`body differs (${expected.body.byteLength} vs ${actual.body.byteLength} bytes)`);
  }
  return found;
}

function headerLines(response: CapturedResponse): string[] {
  return response.headers
    .filter(([name]) => !PER_CONNECTION.has(name))
    .map(([name, value]) => `${name}: ${value}`)
    .sort();
}

/** The headers a constant Worker must set itself; the runtime adds Content-Length from the body. */
export function representationHeaders(response: CapturedResponse): [string, string][] {
  return response.headers.filter(([name]) => !PER_CONNECTION.has(name) && name !== "content-length");
}
