/**
 * Starts the Worker in workerd through wrangler's dev server on a free
 * loopback port, for Node.js tests that need a real HTTP server (schema.org
 * validation with jsonld.js, browsers, load).
 */
import { unstable_startWorker } from "wrangler";

export interface RunningWorker {
  url: URL;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * `entrypoint` defaults to wrangler.toml's `main` (the real Worker), and
 * `assets` to its assets folder (where the content build writes the articles).
 */
export async function startWorker(entrypoint?: string, assets?: string): Promise<RunningWorker> {
  const worker = await unstable_startWorker({
    config: "wrangler.toml",
    ...(entrypoint ? { entrypoint } : {}),
    ...(assets ? { assets } : {}),
    dev: { server: { hostname: "127.0.0.1", port: 0 }, inspector: false, watch: false, logLevel: "error" },
  });
  await worker.ready;
  const url = await worker.url;
  return {
    url,
    fetch: (path, init) => fetch(new URL(path, url), init),
    stop: () => worker.dispose(),
  };
}

/** The same Worker around the made-up test content (test/fixtures/worker.ts), reading its articles' assets. */
export function startFixturesWorker(): Promise<RunningWorker> {
  return startWorker("test/fixtures/worker.ts", "test/fixtures/generated/assets");
}
