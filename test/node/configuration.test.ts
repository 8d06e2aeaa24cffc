/** wrangler.toml stays consistent with itself and with the code that reads it. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { RATE_LIMIT_PERIOD_SECONDS, RATE_LIMIT_REQUESTS } from "../../src/http/limits";

describe("wrangler.toml", () => {
  const config = unstable_readConfig({ config: "wrangler.toml" }, { hideWarnings: true });

  it("binds the rate limiter with the limit and period the RateLimit fields announce", () => {
    const [binding] = config.ratelimits;
    expect(binding?.name).toBe("RATE_LIMITER");
    expect(binding?.simple.period).toBe(RATE_LIMIT_PERIOD_SECONDS);
    expect(binding?.simple.limit).toBe(RATE_LIMIT_REQUESTS);
  });

  it("puts Cloudflare's cache in front of the Worker, one cache per version, so a deploy never serves the last one's", () => {
    expect(config.cache?.enabled).toBe(true);
    expect(config.cache?.cross_version_cache).toBeUndefined();
  });
});

describe("installing", () => {
  it("runs install scripts only of the dependencies package.json reviews, and fails on any other", () => {
    const npmrc = readFileSync(".npmrc", "utf8");
    expect(npmrc).toMatch(/^strict-allow-scripts=true$/m);
    const { allowScripts } = JSON.parse(readFileSync("package.json", "utf8")) as {
      allowScripts: Record<string, boolean>;
    };
    expect(Object.keys(allowScripts).filter((name) => allowScripts[name])).toEqual(["workerd", "esbuild"]);
  });
});
