/**
 * Before each test file of a project serving the real content: the search
 * index's migrations, then the seed the build wrote from that project's
 * library (vitest.config.ts). The seed replaces what the index held, in one
 * batch (one transaction), so files starting side by side never see half an
 * index.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

try {
  await applyD1Migrations(env.SEARCH, env.TEST_SEARCH_MIGRATIONS);
} catch (error) {
  // Another file applied the same migration between the check and the batch: its batch is whole, so it is there.
  if (!String(error).includes("UNIQUE constraint failed")) throw error;
}
await env.SEARCH.batch(env.TEST_SEARCH_SEED.map((statement) => env.SEARCH.prepare(statement)));
