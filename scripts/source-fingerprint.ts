/**
 * A fingerprint of the code a build step runs: the step's output is reused
 * only while this is unchanged. It covers the source files under the given
 * folders, the lockfile (the libraries they import) and the Node.js version
 * (its ICU decides how text is segmented and formatted).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const SOURCE = /\.tsx?$/;

/** The fingerprint of every .ts and .tsx file under `dirs` (relative to the repository) but those `excluded` matches. */
export function sourceFingerprint(dirs: readonly string[], excluded: RegExp): string {
  const hash = createHash("sha256").update(process.version);
  for (const dir of dirs.map((name) => resolve(ROOT, name))) {
    const names = readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((name) => SOURCE.test(name) && !excluded.test(name))
      .sort();
    for (const name of names) hash.update(`\0${name}\0`).update(readFileSync(join(dir, name)));
  }
  return hash.update(readFileSync(join(ROOT, "package-lock.json"))).digest("hex");
}
