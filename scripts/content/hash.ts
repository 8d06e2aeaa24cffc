import { createHash } from "node:crypto";

/** `sha256:` + hex digest of a value's JSON: the content hash format of the API. */
export function contentHash(value: unknown): string {
  return `sha256:${createHash("sha256").update(JSON.stringify(value)).digest("hex")}`;
}
