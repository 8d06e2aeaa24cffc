import { describe, expect, it } from "vitest";
import { RATE_LIMIT_PERIOD_SECONDS } from "../../src/http/limits";
import { call } from "../support/worker";

/** wrangler.toml's [[ratelimits]] limit for one client per period. */
const LIMIT = 600;

/**
 * The simulated binding counts in windows aligned to the wall clock (as
 * Cloudflare's does), so a flood that straddles a window's end is counted
 * from zero again partway: its outcome says nothing about the limit.
 */
const windowNow = () => Math.floor(Date.now() / (RATE_LIMIT_PERIOD_SECONDS * 1000));

const from = (ip: string) => ({ headers: { "CF-Connecting-IP": ip } });

/** One client's LIMIT requests that do work, then one more; undefined if a window ended meanwhile. */
async function floodPastLimit(ip: string) {
  const window = windowNow();
  // URLs no request has used (an unknown parameter is ignored), so that each one is routed and counted:
  // a URL answered before would be sent from its stored response, uncounted.
  const url = (n: number) => `/v1/articles/leg-cramps?visit=${ip}-${n}`;
  const statuses = await Promise.all(
    Array.from({ length: LIMIT - 1 }, (_, n) => call(url(n), from(ip)).then((r) => r.status)),
  );
  const last = url(LIMIT - 1);
  const lastStatus = (await call(last, from(ip))).status;
  const limited = await call(url(LIMIT), from(ip));
  if (windowNow() !== window) return undefined;
  return { statuses: [...statuses, lastStatus], last, limited };
}

describe("per-client rate limiting", () => {
  it("answers 429 problem+json with Retry-After once a client's requests that do work pass the limit", async () => {
    // A fresh client for each try: a try cut by a window's end leaves its client's count behind.
    const tries = ["203.0.113.7", "203.0.113.8", "203.0.113.9"];
    let flood: Awaited<ReturnType<typeof floodPastLimit>>;
    let client = "";
    for (const ip of tries) {
      client = ip;
      flood = await floodPastLimit(ip);
      if (flood) break;
    }
    if (!flood) throw new Error(`every try straddled a ${RATE_LIMIT_PERIOD_SECONDS} s window`);
    const { statuses, last, limited } = flood;
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(limited.status).toBe(429);
    // The seconds left in the binding's window, which the flood ended inside.
    const left = Number(limited.headers.get("Retry-After"));
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(RATE_LIMIT_PERIOD_SECONDS);
    expect(limited.headers.get("RateLimit")).toBe(`"per-client";r=0;t=${left}`);
    expect(limited.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(limited.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await limited.json()).toMatchObject({ type: "/problems/too-many-requests", status: 429 });

    // A repeat is sent from its stored response, which costs no more than a refusal: it is not limited.
    const repeat = await call(last, from(client));
    expect(repeat.status).toBe(200);

    const someoneElse = await call(`/v1/articles/leg-cramps?visit=someone-else`, from("198.51.100.20"));
    expect(someoneElse.status).toBe(200);
    // Miniflare's simulated binding answers each call over I/O, a few ms each: 600 of them take seconds.
  }, 300_000);
});
