/**
 * Builds the production bundle exactly as a deploy would, without an
 * account or network (`wrangler deploy --dry-run`, which also runs the
 * content build), and measures what would be uploaded. The bundle budget
 * is checked by test/node/bundle-budget.test.ts with this same build.
 */
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

const run = promisify(execFile);
const WRANGLER = join(import.meta.dirname, "../../node_modules/.bin/wrangler");

/** The bundle budget: the whole upload, gzip -9, in KiB (BENCHMARKS.md, "Bundle and start-up"). */
export const BUNDLE_BUDGET_GZIP_KIB = 100;

/** A module's type, as a Miniflare manifest names it. */
export type ModuleType = "esm" | "cjs" | "wasm" | "text" | "data";

export interface BundleModule {
  /** Path inside the output folder, as the Worker imports it. */
  path: string;
  type: ModuleType;
  main: boolean;
  rawBytes: number;
  gzipBytes: number;
}

export interface Bundle {
  dir: string;
  /** The main module first: Miniflare treats the first module as the entry point. */
  modules: BundleModule[];
  rawBytes: number;
  gzipBytes: number;
}

/** Files wrangler writes beside the modules (README.md, source maps) have no type here and are not counted. */
const TYPE_BY_EXTENSION: Record<string, ModuleType> = {
  ".js": "esm",
  ".mjs": "esm",
  ".cjs": "cjs",
  ".wasm": "wasm",
  ".txt": "text",
  ".html": "text",
  ".bin": "data",
};

/**
 * `wrangler deploy --dry-run --outdir <dir>`; `mainEntry` is the configuration's `main`.
 * `unminified` overrides the configuration's `minify`, so the functions keep their names.
 */
export async function buildBundle(
  configPath: string,
  mainEntry: string,
  dir: string,
  { unminified = false } = {},
): Promise<Bundle> {
  const args = ["deploy", "--dry-run", "--outdir", dir, "--config", configPath, ...(unminified ? ["--no-minify"] : [])];
  try {
    await run(WRANGLER, args, {
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`wrangler deploy --dry-run failed:\n${stdout}${stderr}`.trim());
  }
  const mainName = `${basename(mainEntry, extname(mainEntry))}.js`;
  const modules: BundleModule[] = [];
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const type = TYPE_BY_EXTENSION[extname(name)];
    if (type === undefined) continue;
    const bytes = await readFile(join(dir, name));
    const gzipBytes = gzipSync(bytes, { level: 9 }).byteLength;
    modules.push({ path: name, type, main: name === mainName, rawBytes: bytes.byteLength, gzipBytes });
  }
  if (!modules.some((module) => module.main)) throw new Error(`wrangler wrote no ${mainName} in ${dir}`);
  modules.sort((a, b) => Number(b.main) - Number(a.main));
  return {
    dir,
    modules,
    rawBytes: modules.reduce((sum, module) => sum + module.rawBytes, 0),
    gzipBytes: modules.reduce((sum, module) => sum + module.gzipBytes, 0),
  };
}
