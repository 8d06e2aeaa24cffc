/**
 * The gates in front of the app, driven with a stand-in rate-limit binding
 * (bindings are how fakes enter): which requests the binding is asked about,
 * and what a refusal looks like. The real binding's limit is exercised in test/limits.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { libraryOf } from "../../src/content/library-source";
import { MAX_HEADER_BYTES, RATE_LIMIT_PERIOD_SECONDS, RATE_LIMIT_REQUESTS } from "../../src/http/limits";
import { createWorker } from "../../src/worker";
import { libraryIndex } from "../support/library";
import { CONTENT_ROUTES } from "../support/routes";

function bindingThat(success: boolean) {
  const keys: string[] = [];
  const limit = async ({ key }: { key: string }) => {
    keys.push(key);
    return { success };
  };
  return { keys, binding: { limit } };
}

async function send(worker: ReturnType<typeof createWorker>, path: string, bindings: Partial<Env>, ip = "192.0.2.1") {
  const context = createExecutionContext();
  const request = new Request(`https://health.test${path}`, { headers: { "CF-Connecting-IP": ip } });
  const response = await worker.fetch(request, { ...env, ...bindings }, context);
  await waitOnExecutionContext(context);
  return response;
}

describe("the rate-limit gates", () => {
  it("asks the binding about requests that reach the app, keyed by client address", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    const { keys, binding } = bindingThat(true);
    const response = await send(worker, CONTENT_ROUTES.article, { RATE_LIMITER: binding });
    expect(response.status).toBe(200);
    expect(keys).toEqual(["192.0.2.1"]);
  });

  it("answers 429 problem+json with the time left as Retry-After, and the RateLimit fields, when the binding refuses", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    const before = Date.now();
    const response = await send(worker, CONTENT_ROUTES.condition, { RATE_LIMITER: bindingThat(false).binding });
    expect(response.status).toBe(429);
    // What remains of the binding's current window, aligned to the clock: from 1 to the whole period.
    const left = Number(response.headers.get("Retry-After"));
    const windowEnd = Math.ceil((60_000 - (before % 60_000)) / 1000);
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(Math.max(windowEnd, 1));
    expect(response.headers.get("RateLimit-Policy")).toBe(
      `"per-client";q=${RATE_LIMIT_REQUESTS};w=${RATE_LIMIT_PERIOD_SECONDS}`,
    );
    expect(response.headers.get("RateLimit")).toBe(`"per-client";r=0;t=${left}`);
    expect(await response.json()).toMatchObject({ type: "/problems/too-many-requests", status: 429 });
  });

  it("counts an IPv6 client by its /64, and an IPv4-mapped one by its IPv4 address", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    const { keys, binding } = bindingThat(true);
    for (const [n, ip] of [
      "2001:db8:85a3:8d3:1319:8a2e:370:7348",
      "2001:0db8:85a3:08d3::1",
      "::ffff:192.0.2.9",
    ].entries()) {
      await send(worker, `/v1/articles?visit=${n}`, { RATE_LIMITER: binding }, ip);
    }
    expect(keys).toEqual(["2001:db8:85a3:8d3::/64", "2001:db8:85a3:8d3::/64", "192.0.2.9"]);
  });

  it("serves a repeat from the stored response without asking the binding, even past the limit", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    await send(worker, CONTENT_ROUTES.article, { RATE_LIMITER: bindingThat(true).binding });
    const { keys, binding } = bindingThat(false);
    const again = await send(worker, CONTENT_ROUTES.article, { RATE_LIMITER: binding });
    expect(again.status).toBe(200);
    expect(keys).toEqual([]);
    // A request that does work is still refused by the same binding.
    const other = await send(worker, CONTENT_ROUTES.condition, { RATE_LIMITER: binding });
    expect(other.status).toBe(429);
    expect(keys).toEqual(["192.0.2.1"]);
  });

  it("answers an oversized client address with 431 before asking the binding", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    const { keys, binding } = bindingThat(true);
    const response = await send(worker, "/v1/articles", { RATE_LIMITER: binding }, "1".repeat(MAX_HEADER_BYTES + 1));
    expect(response.status).toBe(431);
    expect(await response.json()).toMatchObject({ type: "/problems/headers-too-large", status: 431 });
    expect(keys).toEqual([]);
  });
});
