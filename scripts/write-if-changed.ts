/**
 * Writes a build output only when its bytes change, so a build that changes
 * nothing leaves every file (and its time) as it was: wrangler uploads, and
 * `wrangler dev` reloads on, only what changed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Writes `bytes` to `path` (its folders made) unless the file already holds them; true when written. */
export function writeIfChanged(path: string, bytes: string | Uint8Array): boolean {
  const data = Buffer.from(bytes);
  if (existsSync(path) && readFileSync(path).equals(data)) return false;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return true;
}
