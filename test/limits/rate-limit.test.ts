import { describe, expect, it } from "vitest";
import { RATE_LIMIT_PERIOD_SECONDS } from "../../src/http/limits";
import { call } from "../support/worker";

/** wrangler.toml's [[ratelimits]] limit for one client per period. */
const LIMIT = 600;

describe("per-client rate limiting", () => {
  it("answers 429 problem+json with Retry-After once a client's requests that do work pass the limit", async () => {
    const from = (ip: string) => ({ headers: { "CF-Connecting-IP": ip } });
    // Distinct URLs (an unknown parameter is ignored), so that each one is routed and counted.
    const statuses = await Promise.all(
      Array.from({ length: LIMIT - 1 }, (_, n) =>
        call(`/v1/articles/leg-cramps?visit=${n}`, from("203.0.113.7")).then((r) => r.status),
      ),
    );
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const last = `/v1/articles/leg-cramps?visit=${LIMIT - 1}`;
    expect((await call(last, from("203.0.113.7"))).status).toBe(200);

    const limited = await call(`/v1/articles/leg-cramps?visit=${LIMIT}`, from("203.0.113.7"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe(String(RATE_LIMIT_PERIOD_SECONDS));
    expect(limited.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    expect(limited.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await limited.json()).toMatchObject({ type: "/problems/too-many-requests", status: 429 });

    // A repeat is sent from its stored response, which costs no more than a refusal: it is not limited.
    const repeat = await call(last, from("203.0.113.7"));
    expect(repeat.status).toBe(200);

    const someoneElse = await call(`/v1/articles/leg-cramps?visit=${LIMIT}`, from("198.51.100.20"));
    expect(someoneElse.status).toBe(200);
    // Miniflare's simulated binding answers each call over I/O, a few ms each: 600 of them take seconds.
  }, 120_000);
});
