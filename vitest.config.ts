import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const wrangler = { configPath: "./wrangler.toml" };
const generated = (path: string) => fileURLToPath(new URL(`./test/fixtures/generated/${path}`, import.meta.url));
/** The `library` project's edited library (scripts/content/edited-library.ts), and the record of its edit. */
const EDITED_LIBRARY = generated("edited-library.ts");
const LIBRARY_EDIT = generated("library-edit.ts");
/**
 * The assets a project's Worker reads its library's index and articles from
 * (written by the content build, `npm run build:test-content`, beside the
 * module naming the index's version).
 * The `worker` and `limits` projects read wrangler.toml's, build/assets.
 */
const articlesIn = (directory: string) => ({ assets: { directory, hasUserWorker: true } });
/** The admin token the tests configure (the admin API, src/routes/admin.ts). */
export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789";
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
  bindings: { INDEXNOW_KEY: TEST_INDEXNOW_KEY, ADMIN_TOKEN: TEST_ADMIN_TOKEN },
};

/**
 * The search index (D1) of a project whose Worker serves the real content:
 * wrangler.toml's binding, the migrations, and the seed the build wrote from
 * that project's library, which test/support/search-database.ts applies
 * before each file; and the assets its articles are read from, when not wrangler.toml's. A function, so it runs after the global setup has built
 * the seeds. SEARCH_SCRATCH is an empty database for tests that seed their own.
 */
function withSearchIndex(seedFile: string, articles?: ReturnType<typeof articlesIn>) {
  return async () => {
    const seed = readFileSync(seedFile, "utf8")
      .split("\n")
      .filter((line) => line !== "");
    return {
      main: "./src/index.ts",
      wrangler,
      miniflare: {
        ...unreachableRateLimit,
        ...articles,
        bindings: {
          ...unreachableRateLimit.bindings,
          TEST_SEARCH_MIGRATIONS: await readD1Migrations("migrations"),
          TEST_SEARCH_SEED: seed,
        },
        d1Databases: { SEARCH: "health-content-search", SEARCH_SCRATCH: "search-scratch" },
      },
    };
  };
}
const SEARCH_SETUP = ["./test/support/search-database.ts", "./test/support/empty-scratch.ts"];

/**
 * How many requests the property tests send: per operation in the contract
 * test (test/worker/contract.test.ts) and per property in the fuzz test
 * (test/worker/fuzz.test.ts). A small default keeps `npm test` quick, with a
 * fresh seed each run; `npm run test:full` sets CONTRACT_RUNS=1000 and
 * FUZZ_RUNS=1500, the counts these tests were written with.
 */
function runs(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (value === undefined || value === "") return fallback;
  if (!/^[1-9]\d{0,6}$/.test(value)) throw new Error(`${variable} must be a whole number of runs, not "${value}"`);
  return Number(value);
}

/**
 * Whether each test file gets a Worker and storage of its own: a fresh Miniflare per file, about a second
 * of start-up each, most of the suite's time. Not in `npm test`: a project's files run in turn in one Worker
 * per pool worker (the Node.js projects in one process), sharing its storage and modules. That holds
 * because each file seeds what it reads (test/support/search-database.ts) and starts from an empty
 * SEARCH_SCRATCH (test/support/empty-scratch.ts), and the Worker answers a request the same whatever it
 * served before (stored responses replay what was built); the suite passes with its files shuffled
 * (`--sequence.shuffle.files`). `npm run test:full` sets ISOLATE_FILES=1: every file against a cold Worker.
 */
const ISOLATE_FILES = process.env.ISOLATE_FILES === "1";

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    // A file's first request builds its representations cold; on a shared 2-core machine that is seconds of
    // wall time that say nothing about the code. Tests assert behaviour, never time (BENCHMARKS.md measures it).
    testTimeout: 30_000,
    isolate: ISOLATE_FILES,
    provide: { contractRuns: runs("CONTRACT_RUNS", 100), fuzzRuns: runs("FUZZ_RUNS", 300) },
    projects: [
      {
        // The real Worker with the real content, inside workerd.
        plugins: [cloudflareTest(withSearchIndex("build/search/seed.sql"))],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"], setupFiles: SEARCH_SETUP },
      },
      {
        // The real Worker's suite again, against content/ with its article edited (a section dropped, a
        // sentence reworded) plus a copy of it under another slug (scripts/content/edited-library.ts): no test
        // may pin the real article's sections, counts or sentences, nor assume the library holds one article.
        // Its search index is seeded from that library too (npm run build:test-content), and
        // test/support/library-edit.ts becomes the record of the edit, with the publisher's text edited alike.
        plugins: [
          cloudflareTest(
            withSearchIndex(generated("search-seed-edited.sql"), articlesIn(generated("edited-library-assets"))),
          ),
        ],
        resolve: {
          alias: [
            { find: /^.*\/content\/generated\/library$/, replacement: EDITED_LIBRARY },
            { find: /^.*\/library-edit$/, replacement: LIBRARY_EDIT },
          ],
        },
        test: { name: "library", include: ["test/worker/**/*.test.ts"], setupFiles: SEARCH_SETUP },
      },
      {
        // The same app around made-up test content (test/fixtures/worker.ts).
        plugins: [
          cloudflareTest({
            main: "./test/fixtures/worker.ts",
            wrangler,
            miniflare: { ...unreachableRateLimit, ...articlesIn(generated("assets")) },
          }),
        ],
        test: { name: "fixtures", include: ["test/fixtures-worker/**/*.test.ts"] },
      },
      {
        // Partners told of changes, end to end: the Cron Trigger's handler, the real queue (miniflare's) and
        // its consumer, D1, and a partner's endpoint (test/partners/receiver.js) the Worker's fetches reach.
        plugins: [
          cloudflareTest(async () => ({
            main: "./src/index.ts",
            wrangler,
            miniflare: {
              ...unreachableRateLimit,
              bindings: {
                ...unreachableRateLimit.bindings,
                PUBLIC_BASE_URL: "https://health.example",
                // Retries at once: the schedule's length, not its waits, is what is tested.
                WEBHOOK_RETRY_DELAYS: "0",
                TEST_PARTNERS_MIGRATIONS: await readD1Migrations("migrations/partners"),
              },
              outboundService: "partner",
              serviceBindings: { PARTNER: "partner" },
              workers: [
                {
                  name: "partner",
                  modules: true,
                  scriptPath: "./test/partners/receiver.js",
                  compatibilityDate: "2026-11-17",
                },
              ],
              queueConsumers: {
                "health-content-webhooks": {
                  maxBatchTimeout: 0,
                  maxRetries: 2,
                  deadLetterQueue: "health-content-webhooks-dead",
                },
                "health-content-webhooks-dead": { maxBatchTimeout: 0, maxRetries: 2 },
              },
            },
          })),
        ],
        test: { name: "partners", include: ["test/partners/**/*.test.ts"] },
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
      {
        // Unit tests of pure modules, each beside its module (src/**/*.test.ts): plain Node.js, no Worker.
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
