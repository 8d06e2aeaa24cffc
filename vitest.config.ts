import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const wrangler = { configPath: "./wrangler.toml" };

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      {
        // The real Worker with the real content, inside workerd.
        plugins: [cloudflareTest({ main: "./src/index.ts", wrangler })],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
      {
        // The same app around made-up test content (test/fixtures/worker.ts).
        plugins: [cloudflareTest({ main: "./test/fixtures/worker.ts", wrangler })],
        test: { name: "fixtures", include: ["test/fixtures-worker/**/*.test.ts"] },
      },
      {
        // Build-time tools (the content compiler) run in Node.js, as they do for authors.
        test: { name: "node", include: ["test/node/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
