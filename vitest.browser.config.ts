import { defineConfig } from "vitest/config";

/**
 * Real-browser tests (Debian's Chromium through playwright-core). Kept out of
 * `npm test`, which needs only Node.js: run with `npm run test:browser`. The
 * global setup builds the content and the test content, unless the run has
 * just built them (BUILT_FOR_TESTS=1, as .ci/run sets after `npm test`).
 */
export default defineConfig({
  test: {
    name: "browser",
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One browser and one Worker at a time on a 2-core machine.
    fileParallelism: false,
  },
});
