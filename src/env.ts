import type { ContentLibrary } from "./content/library";
import type { RepresentationStore } from "./http/representation";

/** Bindings come from wrangler.toml via `wrangler types` (worker-configuration.d.ts). */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    library: ContentLibrary;
    representations: RepresentationStore;
    /** Origin used for absolute links: PUBLIC_BASE_URL, or the request's own origin. */
    baseUrl: string;
  };
}
