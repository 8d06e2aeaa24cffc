/** The Worker entry point: the library built from content/, whose index and articles are static assets. */
import { builtLibrary } from "./content/generated/library";
import { libraryInAssets } from "./content/library-source";
import { createWorker } from "./worker";

const worker = createWorker(libraryInAssets(builtLibrary));

/** The app's type, for a typed client: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = typeof worker.app;

export default { fetch: worker.fetch } satisfies ExportedHandler<Env>;
