/** The machine and tool versions a result was measured with, for BENCHMARKS.md. */
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { availableParallelism, cpus, release, totalmem } from "node:os";

const require = createRequire(import.meta.url);

export function machineInfo() {
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  // wrk prints its version above the usage text, and exits non-zero.
  const wrk = spawnSync("wrk", ["-v"], { encoding: "utf8" });
  return {
    cpuModel: cpus()[0]?.model ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    workerd: `${workerdVersion()} (npm ${version("workerd")})`,
    miniflare: version("miniflare"),
    wrangler: version("wrangler"),
    wrk: `${wrk.stdout ?? ""}`.split("\n")[0]?.replace(/\s*Copyright.*$/, "") || "not installed",
  };
}

/** `workerd --version` of the binary Miniflare runs. */
function workerdVersion(): string {
  const binary = require("workerd") as string | { default: string };
  return execFileSync(typeof binary === "string" ? binary : binary.default, ["--version"], { encoding: "utf8" }).trim();
}
