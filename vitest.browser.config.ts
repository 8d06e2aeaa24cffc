import { defineConfig } from "vitest/config";

/**
 * Real-browser tests (Debian's Chromium through playwright-core). Kept out of
 * `npm test`, which needs only Node.js: run with `npm run test:browser`.
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
