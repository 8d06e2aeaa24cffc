/**
 * A fingerprint of the code a build step runs: the step's output is reused
 * only while this is unchanged. It covers the source files (those under
 * some folders, or those a module imports), the lockfile (the libraries they
 * import) and the Node.js version (its ICU decides how text is segmented
 * and formatted).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const ROOT = resolve(import.meta.dirname, "..");
const SOURCE = /\.tsx?$/;

/** The fingerprint of every .ts and .tsx file under `dirs` (relative to the repository) but those `excluded` matches. */
export function sourceFingerprint(dirs: readonly string[], excluded: RegExp): string {
  const files = dirs.flatMap((dir) =>
    readdirSync(resolve(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => SOURCE.test(name) && !excluded.test(name))
      .map((name) => join(dir, name)),
  );
  return fingerprintOf(files);
}

/** The fingerprint of the module `entry` (a path) and every project file it imports. */
export async function moduleFingerprint(entry: string): Promise<string> {
  const { metafile } = await build({
    entryPoints: [resolve(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "node",
    packages: "external",
    logLevel: "silent",
  });
  return fingerprintOf(Object.keys(metafile.inputs));
}

function fingerprintOf(files: readonly string[]): string {
  const hash = createHash("sha256").update(process.version);
  for (const file of [...files].sort()) hash.update(`\0${file}\0`).update(readFileSync(resolve(ROOT, file)));
  return hash.update(readFileSync(join(ROOT, "package-lock.json"))).digest("hex");
}
