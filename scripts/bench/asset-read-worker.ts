/**
 * The floor under "every article in turn": a Worker that answers
 * `/v1/articles/{slug}` with the article's file exactly as the assets
 * binding returns it, and does nothing else. The real Worker's miss costs at
 * least this read, so this Worker's rate over every article, as a ratio to
 * one article repeated, is the most a Worker that reads its articles from
 * the assets can reach on this machine.
 *
 * `rateLimited` puts the one gate every routed request passes in front of
 * that read: the rate limiting binding asked about the client, as
 * src/http/request-gates.ts asks it. Miniflare answers that call with a
 * fetch to a Durable Object in the same workerd, which costs more than the
 * read (BENCHMARKS.md); this floor says how near the Worker's own work is
 * to the least any rate-limited Worker pays here.
 */
import { CONTENT_FILES } from "../../src/content/content-assets";
import { configEnv, withAssets, workerEntry } from "./miniflare-workers";
import { type RunningWorker, startWorker } from "./real-worker";
import type { WorkerConfig } from "./wrangler-config";

const PREFIX = "/v1/articles/";

export async function startAssetReadWorker(
  config: WorkerConfig,
  host: string,
  { rateLimited = false } = {},
): Promise<RunningWorker> {
  const binding = config.assets?.binding;
  if (!binding) throw new Error("the Worker has no assets binding to read through");
  const [limiter] = Object.keys(config.ratelimits);
  if (rateLimited && !limiter) throw new Error("the Worker has no rate limiting binding to ask");
  const source = [
    `const file = (slug) => ${JSON.stringify(CONTENT_FILES.article("SLUG"))}.replace("SLUG", slug);`,
    "export default {",
    `  ${rateLimited ? "async " : ""}fetch(request, env) {`,
    ...(rateLimited
      ? [
          `    await env[${JSON.stringify(limiter)}].limit({ key: request.headers.get("CF-Connecting-IP") ?? "unknown" });`,
        ]
      : []),
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
  const name = `${config.name}-asset-read${rateLimited ? "-rate-limited" : ""}`;
  const entry = workerEntry(name, code, config, configEnv(config));
  const { mf: _, ...worker } = await startWorker(withAssets(entry, config), host);
  return worker;
}
