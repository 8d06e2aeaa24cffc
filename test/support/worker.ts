/**
 * Requests to the real Worker, running in workerd, through the test
 * project's main module's default export (`exports.default`, the same
 * loopback a service binding uses): each request and response crosses
 * workerd's fetch path as a client's would.
 */
import { exports } from "cloudflare:workers";

/** The origin the tests call the Worker on; absolute links in responses use it. */
export const ORIGIN = "https://health.test";

/** Cloudflare sets CF-Connecting-IP on every request; the tests are one client unless they say otherwise. */
const CLIENT_ADDRESS = "192.0.2.1";

/** Sends `path` (from its leading "/", kept as given, e.g. "//x") to the Worker. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  const request = new Request(path.startsWith("/") ? `${ORIGIN}${path}` : new URL(path, ORIGIN), init);
  if (!request.headers.has("CF-Connecting-IP")) request.headers.set("CF-Connecting-IP", CLIENT_ADDRESS);
  return exports.default.fetch(request);
}

/** GETs a path, asserts a JSON 200 and returns the parsed body. */
export async function getJson<T = unknown>(path: string, init?: RequestInit): Promise<T> {
  const response = await call(path, init);
  if (response.status !== 200) {
    throw new Error(`GET ${path}: expected 200, got ${response.status}: ${await response.text()}`);
  }
  if (!response.headers.get("Content-Type")?.startsWith("application/json")) {
    throw new Error(`GET ${path}: expected JSON, got ${response.headers.get("Content-Type")}`);
  }
  return response.json<T>();
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { in: string; name: string; detail: string }[];
}

/** Calls a path, asserts a problem+json answer with `status`, and returns the problem. */
export async function getProblem(path: string, status: number, init?: RequestInit): Promise<ProblemBody> {
  const response = await call(path, init);
  const text = await response.text();
  if (response.status !== status) throw new Error(`${path}: expected ${status}, got ${response.status}: ${text}`);
  if (!response.headers.get("Content-Type")?.startsWith("application/problem+json")) {
    throw new Error(`${path}: expected problem+json, got ${response.headers.get("Content-Type")}`);
  }
  const problem = JSON.parse(text) as ProblemBody;
  if (problem.status !== status) throw new Error(`${path}: problem.status ${problem.status} != ${status}`);
  return problem;
}
