/** bench:scale's start-up phase (scale-main.ts): how long an isolate takes to answer, and what it holds. */
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { CONTENT_FILES } from "../../src/content/content-assets";
import type { Bundle } from "./bundle";
import { httpGet } from "./http-get";
import { connect } from "./inspector";
import { residentMiB } from "./proc";
import { startBundle, timeStartup } from "./real-worker";
import type { WorkerConfig } from "./wrangler-config";

export interface StartOptions {
  /** The Host header requests carry. */
  host: string;
  /** The bench's working folder, for the assets holding only the index. */
  dir: string;
  /** The article the isolate is first asked for. */
  slug: string;
  /** The port of workerd's inspector, which reads the heap. */
  inspectorPort: number;
}

/**
 * Start to first response, with only the index in the assets: Miniflare reads and hashes every asset file when
 * it starts, which Cloudflare does at deploy time, not when an isolate starts. The first response is a 404, which
 * reads no article. Then, on a Worker with every article, the isolate's V8 heap and workerd's resident memory,
 * and the isolate's first request for an article (what the first reader of an isolate waits for), with the heap after it.
 */
export async function measureStart(
  bundle: Bundle,
  config: WorkerConfig,
  { host, dir, slug, inspectorPort }: StartOptions,
) {
  const startup = await timeStartup(bundle, indexOnlyAssets(config, dir), host);
  const worker = await startBundle(bundle, config, host, inspectorPort);
  let started: { heapMiB: number; rssMiB: number | undefined; firstArticleMs: number; heapAfterArticleMiB: number };
  try {
    const inspector = await connect(inspectorPort, config.name);
    const heapMiB = async () =>
      ((await inspector.send("Runtime.getHeapUsage")) as { usedSize: number }).usedSize / 1024 / 1024;
    const before = await heapMiB();
    const rssMiB = worker.pid === undefined ? undefined : residentMiB(worker.pid);
    const asked = performance.now();
    const { status } = await httpGet(worker.origin, `/v1/articles/${slug}`, { Host: host });
    if (status !== 200) throw new Error(`the first article answered ${status}`);
    started = {
      heapMiB: before,
      rssMiB,
      firstArticleMs: performance.now() - asked,
      heapAfterArticleMiB: await heapMiB(),
    };
    inspector.close();
  } finally {
    await worker.dispose();
  }
  console.log(
    `start to first response: ${startup.median.firstResponseMs.toFixed(0)} ms median ` +
      `(one-line Worker ${startup.baseline.firstResponseMs.toFixed(0)} ms); ` +
      `V8 heap ${started.heapMiB.toFixed(1)} MiB; workerd RSS ${started.rssMiB?.toFixed(0)} MiB; ` +
      `the isolate's first article ${started.firstArticleMs.toFixed(0)} ms, V8 heap after it ${started.heapAfterArticleMiB.toFixed(1)} MiB`,
  );
  return { startup, started };
}

/** `config` with an assets folder holding only the library's index. */
function indexOnlyAssets(config: WorkerConfig, dir: string): WorkerConfig {
  if (!config.assets) throw new Error("the Worker has no assets to read its index from");
  const directory = join(dir, "index-only");
  mkdirSync(dirname(join(directory, CONTENT_FILES.libraryIndex)), { recursive: true });
  copyFileSync(join(config.assets.directory, CONTENT_FILES.libraryIndex), join(directory, CONTENT_FILES.libraryIndex));
  return { ...config, assets: { ...config.assets, directory } };
}
