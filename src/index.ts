/**
 * The Worker entry point: the library built from content/, whose index and
 * articles are static assets; the Cron Trigger that tells partners of a new
 * library, and the queue consumer that delivers what it tells them.
 */
import { builtLibrary } from "./content/generated/library";
import { libraryInAssets } from "./content/library-source";
import { announceChanges, type DeliveryMessage } from "./partners/announce";
import { deliverBatch } from "./partners/deliver";
import { createWorker } from "./worker";

const source = libraryInAssets(builtLibrary);
const worker = createWorker(source);

/** The app's type, for a typed client: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = typeof worker.app;

export default {
  fetch: worker.fetch,
  async scheduled(controller, env, _context) {
    const announced = await announceChanges({
      env,
      version: builtLibrary.version,
      library: () => source.library(env.ASSETS),
      now: new Date(controller.scheduledTime),
    });
    if (announced.events > 0)
      console.log(`partners: ${announced.events} event(s), ${announced.deliveries} delivery(ies)`);
  },
  queue: (batch, env, _context) => deliverBatch(batch, env),
} satisfies ExportedHandler<Env, DeliveryMessage>;
