/**
 * The floor under "every article in turn": a Worker that answers
 * `/v1/articles/{slug}` with the article's file exactly as the assets
 * binding returns it, and does nothing else. The real Worker's miss costs at
 * least this read, so this Worker's rate over every article, as a ratio to
 * one article repeated, is the most a Worker that reads its articles from
 * the assets can reach on this machine.
 */
import { CONTENT_FILES } from "../../src/content/content-assets";
import { configEnv, withAssets, workerEntry } from "./miniflare-workers";
import { type RunningWorker, startWorker } from "./real-worker";
import type { WorkerConfig } from "./wrangler-config";

const PREFIX = "/v1/articles/";

export async function startAssetReadWorker(config: WorkerConfig, host: string): Promise<RunningWorker> {
  const binding = config.assets?.binding;
  if (!binding) throw new Error("the Worker has no assets binding to read through");
  const source = [
    `const file = (slug) => ${JSON.stringify(CONTENT_FILES.article("SLUG"))}.replace("SLUG", slug);`,
    "export default {",
    "  fetch(request, env) {",
    `    const slug = new URL(request.url).pathname.slice(${PREFIX.length});`,
    `    return env[${JSON.stringify(binding)}].fetch(\`https://assets.invalid\${file(slug)}\`);`,
    "  },",
    "};",
    "",
  ].join("\n");
  const code = {
    modulesRoot: "/bench-asset-read",
    mainModule: "worker.mjs",
    modules: { "worker.mjs": { type: "esm" as const, contents: source } },
  };
  const entry = workerEntry(`${config.name}-asset-read`, code, config, configEnv(config));
  const { mf: _, ...worker } = await startWorker(withAssets(entry, config), host);
  return worker;
}
