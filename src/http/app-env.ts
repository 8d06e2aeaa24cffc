import type { ContentLibrary } from "../content/library";
import type { FoundArticle } from "../content/library-source";
import type { RepresentationStore } from "./representation-store";
import type { StoredResponse } from "./stored-responses";

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
    /** What a slug names, read from the shard of the index holding its row (src/app.ts): what one article's routes and search results need. */
    findArticle: (slug: string) => Promise<FoundArticle>;
    /** When the content last changed, from the build's record: for routes that read none of it. */
    contentUpdatedAt: string;
    representations: RepresentationStore;
    /** The stored response this request was sent, when it was one (send.ts). */
    stored: StoredResponse | undefined;
    /** Origin used for absolute links: PUBLIC_BASE_URL, or the request's own origin. */
    baseUrl: string;
    /** The operation answering, which keys its stored representations (src/routes/route.ts). */
    operationId: string;
    /** The media type it answers with, negotiated from its operation's (src/routes/route.ts). */
    media: string;
  };
}
