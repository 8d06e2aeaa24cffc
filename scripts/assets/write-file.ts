/**
 * Writes a file of build/assets only when its bytes change, so a build that
 * changes nothing leaves every file as it was.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export function writeIfChanged(file: string, bytes: Uint8Array | string): void {
  const data = Buffer.from(bytes);
  if (existsSync(file) && readFileSync(file).equals(data)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
}
