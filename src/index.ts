/** The Worker entry point: built around the compiled content of content/. */
import { library } from "./content/generated/library";
import { createWorker } from "./worker";

const worker = createWorker(library);

/** The app's type, for a typed client: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = typeof worker.app;

export default { fetch: worker.fetch } satisfies ExportedHandler<Env>;
