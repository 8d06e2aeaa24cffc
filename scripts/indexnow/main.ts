/**
 * Tells IndexNow search engines (Bing, Yandex, Naver, Seznam...) exactly
 * which URLs changed since the last published build. Run it after a deploy:
 *
 *   npm run indexnow -- --base https://health.example.org [--dry-run]
 *
 * It reads the library's index the content build wrote (--index, default
 * build/assets/_content/index.json: the deployed build's), compares its
 * articles' content hashes with the manifest of the last published build
 * (--manifest, default .indexnow/published.json; none means everything is
 * new), submits the changed URLs to --endpoint with the key INDEXNOW_KEY (or
 * --key), and on success writes the new manifest. --dry-run prints the URLs
 * and sends nothing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CONTENT_FILES } from "../../src/content/content-assets";
import type { LibraryIndex } from "../../src/content/model";
import { changedUrls, type Manifest, manifestOf } from "./changed-urls";
import { IndexNowError, submitToIndexNow } from "./submit";

export interface IndexNowOptions {
  base: string;
  key: string;
  endpoint: string;
  /** The library's index file, as the content build wrote it. */
  indexFile: string;
  manifest: string;
  dryRun: boolean;
  attempts: number;
  retryDelayMs: number;
  log: (line: string) => void;
}

/** Submits what changed; returns the URLs (submitted, or to submit on a dry run). */
export async function runIndexNow(options: IndexNowOptions): Promise<string[]> {
  if (!/^[A-Za-z0-9-]{8,128}$/.test(options.key)) {
    throw new IndexNowError("the IndexNow key must be 8 to 128 letters, digits or hyphens (INDEXNOW_KEY or --key)");
  }
  const base = options.base.replace(/\/+$/, "");
  if (!existsSync(options.indexFile)) {
    throw new IndexNowError(`${options.indexFile} does not exist: run npm run build (or give --index)`);
  }
  const current = manifestOf(JSON.parse(readFileSync(options.indexFile, "utf8")) as LibraryIndex);
  const previous: Manifest = existsSync(options.manifest) ? JSON.parse(readFileSync(options.manifest, "utf8")) : {};
  const urls = changedUrls(previous, current, base);
  if (urls.length === 0) {
    options.log("indexnow: nothing changed since the last published build");
    return urls;
  }
  for (const url of urls) options.log(`${options.dryRun ? "would submit" : "submitting"} ${url}`);
  if (options.dryRun) return urls;
  await submitToIndexNow({ ...options, base, urls });
  mkdirSync(dirname(options.manifest), { recursive: true });
  writeFileSync(options.manifest, `${JSON.stringify(current, null, 2)}\n`);
  options.log(`indexnow: ${urls.length} URL(s) accepted by ${options.endpoint}`);
  return urls;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      base: { type: "string", default: process.env.PUBLIC_BASE_URL ?? "" },
      key: { type: "string", default: process.env.INDEXNOW_KEY ?? "" },
      endpoint: { type: "string", default: process.env.INDEXNOW_ENDPOINT ?? "https://api.indexnow.org/indexnow" },
      index: { type: "string", default: `build/assets${CONTENT_FILES.libraryIndex}` },
      manifest: { type: "string", default: ".indexnow/published.json" },
      "dry-run": { type: "boolean", default: false },
      attempts: { type: "string", default: "4" },
    },
  });
  if (!values.base) {
    console.error("indexnow: give the public base URL (--base or PUBLIC_BASE_URL)");
    process.exit(2);
  }
  try {
    await runIndexNow({
      base: values.base,
      key: values.key,
      endpoint: values.endpoint,
      indexFile: resolve(values.index),
      manifest: resolve(values.manifest),
      dryRun: values["dry-run"],
      attempts: Number(values.attempts),
      retryDelayMs: 1000,
      log: console.log,
    });
  } catch (error) {
    console.error(`indexnow: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
