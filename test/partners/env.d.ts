/** Bindings the `partners` test project adds to wrangler.toml's (vitest.config.ts). */
import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      /** The partners database's migrations (migrations/partners/). */
      TEST_PARTNERS_MIGRATIONS: D1Migration[];
      /** A partner's endpoint (test/partners/receiver.js), to read what it received. */
      PARTNER: Fetcher;
    }
  }
}
