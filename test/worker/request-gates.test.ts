/**
 * The gates in front of the app, driven with a stand-in rate-limit binding
 * (bindings are how fakes enter): which requests the binding is asked about,
 * and what a refusal looks like. The real binding's limit is exercised in test/limits.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { libraryOf } from "../../src/content/library-source";
import { MAX_HEADER_BYTES } from "../../src/http/limits";
import { createWorker } from "../../src/worker";
import { libraryIndex } from "../support/library";

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
    const response = await send(worker, "/v1/articles/leg-cramps", { RATE_LIMITER: binding });
    expect(response.status).toBe(200);
    expect(keys).toEqual(["192.0.2.1"]);
  });

  it("answers 429 problem+json with Retry-After when the binding refuses", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    const response = await send(worker, "/v1/conditions/leg-cramps", { RATE_LIMITER: bindingThat(false).binding });
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("60");
    expect(await response.json()).toMatchObject({ type: "/problems/too-many-requests", status: 429 });
  });

  it("serves a repeat from the stored response without asking the binding, even past the limit", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    await send(worker, "/v1/articles/leg-cramps", { RATE_LIMITER: bindingThat(true).binding });
    const { keys, binding } = bindingThat(false);
    const again = await send(worker, "/v1/articles/leg-cramps", { RATE_LIMITER: binding });
    expect(again.status).toBe(200);
    expect(keys).toEqual([]);
    // A request that does work is still refused by the same binding.
    const other = await send(worker, "/v1/conditions/leg-cramps", { RATE_LIMITER: binding });
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
