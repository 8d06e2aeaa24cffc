/**
 * Requests to the real Worker, running in workerd, through its default
 * export's fetch handler. "worker-under-test" is the project's main module
 * (vitest.config.ts aliases it): the same module instance workerd runs.
 * Calling the handler directly rather than through the `exports.default`
 * loopback matters for fuzzing: here the loopback slows down with every
 * request it has carried (200 requests took 2.5 s, the next 200 took 3.6 s,
 * then 9 s, 18 s...), while the handler itself answers in well under 0.1 ms.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "worker-under-test";

/** The origin the tests call the Worker on; absolute links in responses use it. */
export const ORIGIN = "https://health.test";

let client = 0;

/**
 * Sends `path` (from its leading "/", kept as given, e.g. "//x") to the Worker.
 * Each call comes from its own client address unless the caller sets one:
 * wrangler's local rate-limit simulation slows down as one key's count grows,
 * and these tests are not about rate limiting (see test/limits/ for that).
 */
export function call(path: string, init?: RequestInit): Promise<Response> {
  const request = new Request(path.startsWith("/") ? `${ORIGIN}${path}` : new URL(path, ORIGIN), init);
  if (!request.headers.has("CF-Connecting-IP")) {
    client = (client + 1) % 0xffffff;
    request.headers.set("CF-Connecting-IP", `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`);
  }
  return handle(request);
}

async function handle(request: Request): Promise<Response> {
  const context = createExecutionContext();
  const response = await worker.fetch(request, env, context);
  await waitOnExecutionContext(context);
  return response;
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
