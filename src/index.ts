/** The Worker entry point: the app built around the compiled content of content/. */
import { createApp } from "./app";
import { library } from "./content/generated/library";

const app = createApp(library);

/** The app's type, for a typed client: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = typeof app;

export default app satisfies ExportedHandler<Env>;
