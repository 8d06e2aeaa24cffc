/** Bindings the test projects add to wrangler.toml's (vitest.config.ts). */
import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      /** The search index's migrations (migrations/). */
      TEST_SEARCH_MIGRATIONS: D1Migration[];
      /** The seed the build wrote from the project's library, one statement each. */
      TEST_SEARCH_SEED: string[];
      /** An empty database, for tests that seed a search index of their own. */
      SEARCH_SCRATCH: D1Database;
    }
  }
}
