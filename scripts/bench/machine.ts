/** The machine and tool versions a result was measured with, for BENCHMARKS.md. */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, cpus, release, totalmem } from "node:os";

export interface MachineInfo {
  cpuModel: string;
  /** Logical cores this process may use. */
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  workerd: string;
  miniflare: string;
  wrangler: string;
  wrk: string;
}

const require = createRequire(import.meta.url);

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    kernel: release(),
    node: process.version,
    workerd: workerdVersion(),
    miniflare: packageVersion("miniflare"),
    wrangler: packageVersion("wrangler"),
    wrk: wrkVersion(),
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((text) => text.startsWith("model name"));
    if (line) return line.slice(line.indexOf(":") + 1).trim();
  } catch {
    // Not Linux: fall back to what Node.js reports.
  }
  return cpus()[0]?.model ?? "unknown";
}

function packageVersion(name: string): string {
  const manifest: unknown = require(`${name}/package.json`);
  return typeof manifest === "object" && manifest !== null && "version" in manifest ? String(manifest.version) : "?";
}

/** `workerd --version` of the binary Miniflare runs, plus its npm version. */
function workerdVersion(): string {
  const npmVersion = packageVersion("workerd");
  try {
    const binary: unknown = require("workerd");
    const path = typeof binary === "object" && binary !== null && "default" in binary ? binary.default : binary;
    if (typeof path !== "string") return npmVersion;
    const reported = execFileSync(path, ["--version"], { encoding: "utf8" }).trim();
    return `${reported} (npm ${npmVersion})`;
  } catch {
    return npmVersion;
  }
}

function wrkVersion(): string {
  // wrk prints its version above the usage text, and exits non-zero.
  const result = spawnSync("wrk", ["-v"], { encoding: "utf8" });
  const first = `${result.stdout ?? ""}${result.stderr ?? ""}`
    .split("\n")[0]
    ?.replace(/\s*Copyright.*$/, "")
    .trim();
  return result.error || !first ? "not installed" : first;
}
