/** The benchmark's results: one object, printed as tables and written as JSON. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { BundleModule } from "./bundle";
import type { HandlerBenchResult } from "./handler";
import type { LoadComparison } from "./load";
import type { MachineInfo } from "./machine";
import { TARGETS } from "./options";
import type { Startup, StartupTimes } from "./real-worker";
import { count, kib, micros, millis, renderTable } from "./table";

export interface ColdRequest {
  route: string;
  status: number;
  bytes: number;
  /** First request for the route after start-up: builds its representation. */
  coldMs: number;
  /** The next request for it: served from the stored bytes. */
  warmMs: number;
}

export interface RouteResult extends LoadComparison {
  route: string;
  path: string;
  headers: Record<string, string>;
  bytes: number;
  pass: boolean;
}

export interface BenchResults {
  generatedAt: string;
  machine: MachineInfo;
  settings: {
    /** The wrangler configuration that was built and served. */
    config: string;
    durationSeconds: number;
    warmupSeconds: number;
    rounds: number;
    connections: number;
    threads: number;
    /** Cores wrk ran on, and cores this process and workerd ran on; null when not pinned. */
    pinning: { wrk: string; workerd: string } | null;
    host: string;
    socket: string;
  };
  targets: typeof TARGETS;
  bundle: { modules: BundleModule[]; rawBytes: number; gzipBytes: number; buildMs: number; pass: boolean };
  startup: Startup & { constantReadyMs: number };
  cold: ColdRequest[];
  routes: RouteResult[];
  handler: HandlerBenchResult | null;
}

export function printBundle(results: Pick<BenchResults, "bundle">): string {
  const { bundle } = results;
  const rows = bundle.modules.map((module) => [
    module.path + (module.main ? " (main)" : ""),
    module.type,
    kib(module.rawBytes),
    kib(module.gzipBytes),
  ]);
  rows.push(["total", "", kib(bundle.rawBytes), kib(bundle.gzipBytes)]);
  const verdict = bundle.pass ? "PASS" : "FAIL";
  return [
    renderTable(["module", "type", "raw", "gzip -9"], rows, ["left", "left", "right", "right"]),
    `gzip total ${kib(bundle.gzipBytes)} vs target <= ${TARGETS.gzipKiB} KiB: ${verdict}  (built in ${millis(bundle.buildMs)})`,
  ].join("\n");
}

export function printStartup(results: Pick<BenchResults, "startup" | "cold">): string {
  const { startup, cold } = results;
  const row = (name: string, pick: (times: StartupTimes) => number) => [
    name,
    millis(pick(startup.first)),
    millis(pick(startup.median)),
    millis(pick(startup.baseline)),
    millis(pick(startup.median) - pick(startup.baseline)),
  ];
  return [
    renderTable(
      [
        "start-up, from new Miniflare()",
        "bundle, 1st",
        `bundle, median of ${startup.samples.length}`,
        "one-line Worker, median",
        "bundle's own",
      ],
      [
        row("workerd listening (mf.ready)", (times) => times.readyMs),
        row(`first response read (${startup.firstResponseStatus}, builds nothing)`, (times) => times.firstResponseMs),
      ],
      ["left", "right", "right", "right", "right"],
    ),
    `constant Workers (one per route, one workerd) listening: ${millis(startup.constantReadyMs)}`,
    "",
    renderTable(
      ["route", "status", "bytes", "cold request", "next request"],
      cold.map((entry) => [
        entry.route,
        String(entry.status),
        count(entry.bytes),
        millis(entry.coldMs),
        millis(entry.warmMs),
      ]),
      ["left", "right", "right", "right", "right"],
    ),
    "cold: the route's first request after start-up (builds and stores its representation); next: the same",
    "request again (stored bytes). Each on a new connection, timed by the client from sending to the last byte.",
  ].join("\n");
}

export function printLoad(results: Pick<BenchResults, "routes">): string {
  const rows = results.routes.map((route) => [
    route.route,
    count(route.real.requestsPerSecond),
    count(route.constant.requestsPerSecond),
    route.ratio.toFixed(3),
    micros(route.real.p50Us),
    micros(route.real.p99Us),
    micros(route.constant.p50Us),
    micros(route.constant.p99Us),
    (route.pass ? "PASS" : "FAIL") + (route.warnings.length > 0 ? " *" : ""),
  ]);
  return renderTable(
    [
      "route",
      "real req/s",
      "const req/s",
      "ratio",
      "real p50",
      "real p99",
      "const p50",
      "const p99",
      `>= ${TARGETS.throughputRatio}`,
    ],
    rows,
    ["left", "right", "right", "right", "right", "right", "right", "right", "left"],
  );
}

export function printDiagnostics(results: Pick<BenchResults, "routes">): string {
  const rows = results.routes.map((route) => {
    const cpu = (value: number | undefined) => (value === undefined ? "?" : `${value.toFixed(1)} µs`);
    const runs = route.runs
      .map((run) => `${run.side === "real" ? "A" : "B"} ${count(run.requestsPerSecond)}`)
      .join(", ");
    const realCpu = route.real.serverCpuUsPerRequest;
    const constantCpu = route.constant.serverCpuUsPerRequest;
    return [
      route.route,
      cpu(realCpu),
      cpu(constantCpu),
      realCpu && constantCpu ? (constantCpu / realCpu).toFixed(3) : "?",
      runs,
      route.warnings.length > 0 ? route.warnings.join("; ") : "-",
    ];
  });
  const headers = ["route", "real CPU/req", "const CPU/req", "CPU ratio", "runs (req/s, in order)", "warnings"];
  return renderTable(headers, rows, ["left", "right", "right", "right", "left", "left"]);
}

export function printHandler(handler: HandlerBenchResult): string {
  const us = (ns: number) => `${(ns / 1000).toFixed(2)} µs`;
  return [
    `Handler, inside workerd (${handler.runtime}): mean per call; ${handler.method}`,
    renderTable(
      ["route", "first call", "handler (p99)", "constant (p99)", "overhead", "handler/const"],
      handler.routes.map((route) => [
        route.route,
        `${route.firstCallMs.toFixed(0)} ms`,
        `${us(route.handler.avgNs)} (${us(route.handler.p99Ns)})`,
        `${us(route.constant.avgNs)} (${us(route.constant.p99Ns)})`,
        us(route.overheadNs),
        `${(route.handler.avgNs / route.constant.avgNs).toFixed(1)}x`,
      ]),
      ["left", "right", "right", "right", "right", "right"],
    ),
    "constant: new Response(same bytes, same headers). overhead: handler minus constant, the cost of routing,",
    "middleware and the stored-representation lookup. first call: builds the representation, compiles its code.",
  ].join("\n");
}

export async function writeResults(path: string, results: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
