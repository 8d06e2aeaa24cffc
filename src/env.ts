import type { ContentLibrary } from "./content/library";
import type { RepresentationStore } from "./http/representation-store";
import type { StoredResponse } from "./http/stored-responses";

/** Bindings come from wrangler.toml via `wrangler types` (worker-configuration.d.ts). */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    /**
     * The library, read on a route's first call (src/app.ts). A route that
     * needs no article never calls it, and keeps answering when the index
     * cannot be read; one that does gets ContentUnavailable (a 503).
     */
    library: () => Promise<ContentLibrary>;
    /** When the content last changed, from the build's record: for routes that read none of it. */
    contentUpdatedAt: string;
    representations: RepresentationStore;
    /** The stored response this request was sent, when it was one (src/http/send.ts). */
    stored: StoredResponse | undefined;
    /** Origin used for absolute links: PUBLIC_BASE_URL, or the request's own origin. */
    baseUrl: string;
  };
}
