import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const wrangler = { configPath: "./wrangler.toml" };
/** The IndexNow key the tests configure (test/worker/indexnow.test.ts). */
export const TEST_INDEXNOW_KEY = "test-indexnow-key-0123";
/**
 * The suites send hundreds of requests a minute from one client; a limit they
 * cannot reach keeps the rate limiter out of tests that are not about it.
 * The `limits` project runs with wrangler.toml's real limit.
 */
const unreachableRateLimit = {
  // Miniflare 5 asks for the namespace too: wrangler.toml's.
  ratelimits: { RATE_LIMITER: { namespace_id: "1001", simple: { limit: 1_000_000, period: 60 as const } } },
  // A configured IndexNow key, so the key file is served (wrangler.toml leaves it empty).
  bindings: { INDEXNOW_KEY: TEST_INDEXNOW_KEY },
};

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      {
        // The real Worker with the real content, inside workerd.
        plugins: [cloudflareTest({ main: "./src/index.ts", wrangler, miniflare: unreachableRateLimit })],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
      {
        // The same app around made-up test content (test/fixtures/worker.ts).
        plugins: [cloudflareTest({ main: "./test/fixtures/worker.ts", wrangler, miniflare: unreachableRateLimit })],
        test: { name: "fixtures", include: ["test/fixtures-worker/**/*.test.ts"] },
      },
      {
        // The real Worker with wrangler.toml's own rate limit.
        plugins: [cloudflareTest({ main: "./src/index.ts", wrangler })],
        test: { name: "limits", include: ["test/limits/**/*.test.ts"] },
      },
      {
        // Build-time tools (the content compiler) and HTTP-level checks run in Node.js.
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts"],
          environment: "node",
          // They start workerd, Java-free tools and compilers: seconds of CPU, longer on a busy machine.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
