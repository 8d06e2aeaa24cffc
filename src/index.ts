/** The Worker entry point: built around the index of content/ (the articles themselves are static assets). */
import { libraryIndex } from "./content/generated/library";
import { createWorker } from "./worker";

const worker = createWorker(libraryIndex);

/** The app's type, for a typed client: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = typeof worker.app;

export default { fetch: worker.fetch } satisfies ExportedHandler<Env>;
