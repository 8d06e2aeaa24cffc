/**
 * Builds the production bundle exactly as a deploy would, without an
 * account or network (`wrangler deploy --dry-run`, which also runs the
 * content build), and measures what would be uploaded.
 */
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { onExit } from "./exit-cleanup";

const run = promisify(execFile);

export type ModuleType = "ESModule" | "CommonJS" | "CompiledWasm" | "Text" | "Data";

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
  modules: BundleModule[];
  rawBytes: number;
  gzipBytes: number;
  buildMs: number;
  /** Removes the temporary folder (also done on exit unless `keep` was asked for). */
  dispose(): void;
}

/** Files wrangler writes beside the modules (README.md, source maps) have no type here and are not counted. */
const TYPE_BY_EXTENSION: Record<string, ModuleType> = {
  ".js": "ESModule",
  ".mjs": "ESModule",
  ".cjs": "CommonJS",
  ".wasm": "CompiledWasm",
  ".txt": "Text",
  ".html": "Text",
  ".bin": "Data",
};

/** `wrangler deploy --dry-run --outdir <tmp>`; `mainEntry` is the configuration's `main`. */
export async function buildBundle(configPath: string, mainEntry: string, keep = false): Promise<Bundle> {
  const dir = await mkdtemp(join(tmpdir(), "bench-bundle-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const cancel = keep ? () => false : onExit(remove);
  const started = performance.now();
  try {
    await run("npx", ["wrangler", "deploy", "--dry-run", "--outdir", dir, "--config", configPath], {
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    });
  } catch (error) {
    remove();
    throw new Error(`wrangler deploy --dry-run failed:\n${processOutput(error)}`);
  }
  const buildMs = performance.now() - started;
  const mainName = `${basename(mainEntry, extname(mainEntry))}.js`;
  const modules: BundleModule[] = [];
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const type = TYPE_BY_EXTENSION[extname(name)];
    if (type === undefined) continue;
    const bytes = await readFile(join(dir, name));
    modules.push({
      path: name,
      type,
      main: name === mainName,
      rawBytes: bytes.byteLength,
      gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    });
  }
  if (!modules.some((module) => module.main)) {
    remove();
    throw new Error(`wrangler wrote no ${mainName} in its output folder`);
  }
  // Main module first: Miniflare treats the first module as the entry point.
  modules.sort((a, b) => Number(b.main) - Number(a.main));
  return {
    dir,
    modules,
    rawBytes: modules.reduce((sum, module) => sum + module.rawBytes, 0),
    gzipBytes: modules.reduce((sum, module) => sum + module.gzipBytes, 0),
    buildMs,
    dispose: () => {
      cancel();
      remove();
    },
  };
}

/** What a failed command printed, or the error itself. */
function processOutput(error: unknown): string {
  if (typeof error !== "object" || error === null) return String(error);
  const stdout = "stdout" in error ? String(error.stdout) : "";
  const stderr = "stderr" in error ? String(error.stderr) : "";
  return `${stdout}${stderr}`.trim() || String(error);
}
