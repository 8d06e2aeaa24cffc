/**
 * The gates in front of the app, driven with a stand-in rate-limit binding
 * (bindings are how fakes enter): which requests the binding is asked about,
 * and what a refusal looks like. The real binding's limit is exercised in test/limits.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { library } from "../../src/content/generated/library";
import { ClientCounter, clientHash } from "../../src/http/request-gates";
import { createWorker } from "../../src/worker";

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
    const worker = createWorker(library);
    const { keys, binding } = bindingThat(true);
    const response = await send(worker, "/v1/articles/leg-cramps", { RATE_LIMITER: binding });
    expect(response.status).toBe(200);
    expect(keys).toEqual(["192.0.2.1"]);
  });

  it("answers 429 problem+json with Retry-After when the binding refuses", async () => {
    const worker = createWorker(library);
    const response = await send(worker, "/v1/conditions/leg-cramps", { RATE_LIMITER: bindingThat(false).binding });
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(await response.json()).toMatchObject({ type: "/problems/too-many-requests", status: 429 });
  });

  it("serves a stored response without the binding, still counting it against the client here", async () => {
    const worker = createWorker(library);
    await send(worker, "/v1/articles/leg-cramps", { RATE_LIMITER: bindingThat(true).binding });
    const { keys, binding } = bindingThat(true);
    const again = await send(worker, "/v1/articles/leg-cramps", { RATE_LIMITER: binding, RATE_LIMIT: "2" });
    expect(again.status).toBe(200);
    expect(keys).toEqual([]);
    // The in-isolate count has now seen two requests from this client: the third is over a limit of 2.
    const third = await send(worker, "/v1/articles/leg-cramps", { RATE_LIMITER: binding, RATE_LIMIT: "2" });
    expect(third.status).toBe(429);
  });

  it("forgets the earliest-seen client once it tracks its capacity", () => {
    const counter = new ClientCounter(2);
    expect([counter.allow("a", 1, 0), counter.allow("a", 1, 0)]).toEqual([true, false]);
    counter.allow("b", 1, 0);
    counter.allow("c", 1, 0);
    // "a" was dropped to make room for "c": it starts counting again.
    expect(counter.allow("a", 1, 0)).toBe(true);
  });

  it("counts in fixed windows of the period, per client", () => {
    const counter = new ClientCounter();
    const minute = 60_000;
    expect([1, 2, 3].map(() => counter.allow("a", 2, 10 * minute))).toEqual([true, true, false]);
    expect(counter.allow("b", 2, 10 * minute)).toBe(true);
    expect(counter.allow("a", 2, 11 * minute)).toBe(true);
  });

  it("keys clients by a small-integer hash on which addresses rarely collide", () => {
    const addresses = [];
    for (let n = 0; n < 65_536; n++) addresses.push(`10.0.${n >> 8}.${n & 255}`, `2001:db8::${n.toString(16)}`);
    const hashes = addresses.map(clientHash);
    // Below 2^30: V8 keeps such integers unboxed, so the counter's Map holds no objects per client.
    expect(hashes.every((hash) => Number.isInteger(hash) && hash >= 0 && hash < 2 ** 30)).toBe(true);
    // A uniform 30-bit hash gives about n^2 / 2^31 = 8 colliding pairs among these 131,072 addresses.
    const collisions = addresses.length - new Set(hashes).size;
    expect(collisions).toBeLessThan(32);
  });
});
