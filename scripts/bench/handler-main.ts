/**
 * `npm run bench:handler`: builds the bundle and runs only the handler
 * micro-benchmark (see handler.ts); no wrk, no load.
 */
import { buildBundle } from "./bundle";
import { benchHandlers } from "./handler";
import { machineInfo } from "./machine";
import { OptionError, readOptions, USAGE } from "./options";
import { printHandler, writeResults } from "./report";
import { BENCH_ROUTES, routeLabel } from "./routes";
import { readWorkerConfig } from "./wrangler-config";

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2), process.env);
  if (!options) {
    console.log(`Usage: npm run bench:handler [-- --route TEXT --host NAME --out FILE]\n\n${USAGE}`);
    return 0;
  }
  const filter = options.routeFilter;
  const routes = filter ? BENCH_ROUTES.filter((route) => routeLabel(route).includes(filter)) : BENCH_ROUTES;
  if (routes.length === 0) throw new OptionError(`no route matches "${filter}"`);
  const config = readWorkerConfig(options.configPath);
  const bundle = await buildBundle(options.configPath, config.main, options.keepBundle);
  try {
    const machine = machineInfo();
    const handler = await benchHandlers(bundle, config, routes, options.host, machine.workerd);
    console.log(printHandler(handler));
    const out = options.outFile.replace(/results\.json$/, "handler.json");
    await writeResults(out, { generatedAt: new Date().toISOString(), machine, handler });
    console.log(`\nJSON: ${out}`);
  } finally {
    if (!options.keepBundle) bundle.dispose();
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof OptionError ? `bench:handler: ${error.message}` : error);
  process.exitCode = error instanceof OptionError ? 2 : 1;
}
