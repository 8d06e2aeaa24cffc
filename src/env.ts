import type { ContentLibrary } from "./content/library";
import type { RepresentationStore } from "./http/representation-store";
import type { StoredResponse } from "./http/stored-responses";

/** Bindings come from wrangler.toml via `wrangler types` (worker-configuration.d.ts). */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    library: ContentLibrary;
    representations: RepresentationStore;
    /** The stored response this request was sent, when it was one (src/http/send.ts). */
    stored: StoredResponse | undefined;
    /** Origin used for absolute links: PUBLIC_BASE_URL, or the request's own origin. */
    baseUrl: string;
  };
}
