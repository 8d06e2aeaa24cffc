/**
 * A bearer token (RFC 6750) checked against the configured one without
 * telling, by how long the check takes, how much of a guess was right: both
 * are hashed to the same length and compared in constant time.
 */
import { ProblemError, problem } from "./problem";

const encoder = new TextEncoder();

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", encoder.encode(text));
}

/** Whether `Authorization` carries `expected` as its bearer token; never when no token is configured. */
export async function hasBearerToken(
  authorization: string | undefined,
  expected: string | undefined,
): Promise<boolean> {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!expected || presented === undefined) return false;
  const [a, b] = await Promise.all([digest(presented), digest(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/** Throws a 401 problem unless the request carries the admin token. */
export async function requireBearerToken(authorization: string | undefined, expected: string | undefined) {
  if (await hasBearerToken(authorization, expected)) return;
  const detail = expected
    ? "Send the admin token as `Authorization: Bearer <token>`."
    : "The admin API is off: no ADMIN_TOKEN secret is configured.";
  throw new ProblemError(problem("unauthorized", detail), { "WWW-Authenticate": 'Bearer realm="admin"' });
}
