/** wrangler.toml stays consistent with itself and with the code that reads it. */
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { RATE_LIMIT_PERIOD_SECONDS } from "../../src/http/limits";

describe("wrangler.toml", () => {
  const config = unstable_readConfig({ config: "wrangler.toml" }, { hideWarnings: true });

  it("binds the rate limiter with the period that Retry-After announces", () => {
    const [binding] = config.ratelimits;
    expect(binding?.name).toBe("RATE_LIMITER");
    expect(binding?.simple.period).toBe(RATE_LIMIT_PERIOD_SECONDS);
  });

  it("puts Cloudflare's cache in front of the Worker, one cache per version, so a deploy never serves the last one's", () => {
    expect(config.cache?.enabled).toBe(true);
    expect(config.cache?.cross_version_cache).toBeUndefined();
  });
});
