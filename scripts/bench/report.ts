/** What the benchmarks print: plain-text tables for the terminal, and the same results as JSON. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { LoadRun, RouteResult } from "./abba";
import { THROUGHPUT_TARGET } from "./options";

export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  // The first column is a name, left-aligned; the others are figures.
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

/** 12345.6 -> "12,346" */
export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Microseconds as "640 µs" or "12.3 ms". */
export function micros(us: number | undefined): string {
  if (us === undefined) return "?";
  return us < 1000 ? `${us.toFixed(0)} µs` : `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** One measured run, as a progress line. */
export function runLine(run: LoadRun, discarded: boolean): string {
  const cores = (value: number | undefined) => (value === undefined ? "?" : value.toFixed(2));
  return (
    `  ${run.side.padEnd(8)} ${count(run.requestsPerSecond).padStart(7)} req/s` +
    `  p50 ${micros(run.latencyUs.p50).padStart(8)}  p99 ${micros(run.latencyUs.p99).padStart(8)}` +
    `  cores: workerd ${cores(run.cpu.server)} wrk ${cores(run.cpu.client)} other ${cores(run.cpu.other)}` +
    (run.errors > 0 ? `  ERRORS ${run.errors}` : "") +
    (discarded ? "  (disturbed: repeating)" : "")
  );
}

/** The ABBA results: one row per route, then each route's warnings. */
export function printRoutes(routes: readonly RouteResult[]): string {
  const rows = routes.map((route) => [
    route.route,
    count(route.bytes),
    `${route.coldMs.toFixed(1)} ms`,
    count(route.real.requestsPerSecond),
    count(route.constant.requestsPerSecond),
    route.ratio.toFixed(3),
    micros(route.real.serverCpuUsPerRequest),
    micros(route.constant.serverCpuUsPerRequest),
    route.cpuRatio?.toFixed(3) ?? "?",
    micros(route.real.p99Us),
    (route.pass ? "PASS" : "FAIL") + (route.warnings.length > 0 ? " *" : ""),
  ]);
  const headers = ["route", "bytes", "first", "real req/s", "const req/s", "ratio", "real CPU/req"];
  headers.push("const CPU/req", "CPU ratio", "real p99", `>= ${THROUGHPUT_TARGET}`);
  const warnings = routes.flatMap((route) => route.warnings.map((warning) => `* ${route.route}: ${warning}`));
  return [
    renderTable(headers, rows),
    "",
    "first: the route's first request after start-up, which builds its representation (client-timed).",
    `ratio: mean real req/s over mean constant req/s; target >= ${THROUGHPUT_TARGET}. CPU/req: workerd's CPU`,
    "per request, from /proc; CPU ratio: constant over real, what a CPU-bound server reaches, steadier than req/s",
    "on a shared machine. p99: wrk's, corrected for coordinated omission, so it mostly measures stalls.",
    ...(warnings.length > 0 ? ["", ...warnings, "*: repeat before trusting this verdict."] : []),
  ].join("\n");
}

export async function writeResults(path: string, results: object): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify({ generatedAt: new Date(), ...results }, null, 2)}\n`);
}
