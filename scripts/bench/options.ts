/**
 * Settings for a benchmark run: command-line flags first, then BENCH_*
 * environment variables, then the defaults below.
 *
 *   npm run bench -- --duration 5 --connections 32
 *   BENCH_DURATION=5 npm run bench
 */
import { parseArgs } from "node:util";

export interface BenchOptions {
  /** Seconds per measured wrk run (each route gets 4 per round: real, constant, constant, real). */
  durationSeconds: number;
  /** Seconds of unmeasured load on each Worker before a route's first measured run. */
  warmupSeconds: number;
  /** ABBA rounds per route; the ratio uses the mean of every run. */
  rounds: number;
  /** Runs per route that may be repeated because other processes took CPU during them. */
  retries: number;
  /** wrk connections (kept open, HTTP/1.1 keep-alive). */
  connections: number;
  /** wrk threads. */
  threads: number;
  /** Pin wrk and workerd to different cores (needs `taskset` and at least 2 cores). */
  pin: boolean;
  /** Host header sent to both Workers, so absolute links in the bodies are identical. */
  host: string;
  /** Only routes whose label contains this text. */
  routeFilter: string | undefined;
  /** Where the JSON results go. */
  outFile: string;
  /** Wrangler configuration to build and serve (for comparing a configuration change). */
  configPath: string;
  /** Exit non-zero when any target is missed (off by default: this is a measurement, not a test). */
  check: boolean;
  /** Skip the in-process handler micro-benchmark. */
  skipHandler: boolean;
  /** Keep the built bundle's temporary folder and print its path. */
  keepBundle: boolean;
}

export const TARGETS = {
  /** Each content route: real req/s over constant req/s. */
  throughputRatio: 0.9,
  /** Whole upload, gzip -9, in KiB. */
  gzipKiB: 100,
} as const;

const DEFAULTS: BenchOptions = {
  durationSeconds: 3,
  warmupSeconds: 1,
  // Three ABBA rounds: on this shared 2-core VM one round's ratio moves by about ±0.05 from run to run,
  // as much as the margin to the target on the smallest routes (BENCHMARKS.md); three narrow it.
  rounds: 3,
  retries: 2,
  // One wrk thread is enough for one workerd thread, and leaves the other core to the server (see wrk.ts).
  connections: 16,
  threads: 1,
  pin: true,
  host: "bench.localhost",
  routeFilter: undefined,
  outFile: ".bench/results.json",
  configPath: "wrangler.toml",
  check: false,
  skipHandler: false,
  keepBundle: false,
};

const FLAGS = {
  duration: { type: "string" },
  warmup: { type: "string" },
  rounds: { type: "string" },
  retries: { type: "string" },
  connections: { type: "string" },
  threads: { type: "string" },
  "no-pin": { type: "boolean" },
  host: { type: "string" },
  route: { type: "string" },
  out: { type: "string" },
  config: { type: "string" },
  check: { type: "boolean" },
  "skip-handler": { type: "boolean" },
  "keep-bundle": { type: "boolean" },
  help: { type: "boolean" },
} as const;

export const USAGE = `Options (flag or environment variable):
  --duration N      BENCH_DURATION     seconds per measured wrk run (default ${DEFAULTS.durationSeconds})
  --warmup N        BENCH_WARMUP       seconds of warm-up per Worker and route (default ${DEFAULTS.warmupSeconds})
  --rounds N        BENCH_ROUNDS       ABBA rounds per route (default ${DEFAULTS.rounds})
  --retries N       BENCH_RETRIES      disturbed runs a route may repeat (default ${DEFAULTS.retries})
  --connections N   BENCH_CONNECTIONS  wrk connections (default ${DEFAULTS.connections})
  --threads N       BENCH_THREADS      wrk threads (default ${DEFAULTS.threads})
  --no-pin          BENCH_PIN=0        do not pin wrk and workerd to separate cores
  --host NAME       BENCH_HOST         Host header for both Workers (default ${DEFAULTS.host})
  --route TEXT      BENCH_ROUTE        only routes whose label contains TEXT
  --out FILE        BENCH_OUT          JSON results (default ${DEFAULTS.outFile})
  --config FILE     BENCH_CONFIG       wrangler configuration to build and serve (default ${DEFAULTS.configPath})
  --check           BENCH_CHECK=1      exit 1 when a target is missed
  --skip-handler    BENCH_SKIP_HANDLER=1  skip the in-process handler micro-benchmark
  --keep-bundle     BENCH_KEEP_BUNDLE=1   keep the built bundle's temporary folder`;

/** Reads flags and environment; `undefined` when --help was asked for. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | undefined {
  const { values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  if (values.help) return undefined;
  const pick = (flag: string | undefined, name: string): string | undefined => flag ?? nonEmpty(env[name]);
  return {
    durationSeconds: seconds("duration", pick(values.duration, "BENCH_DURATION"), DEFAULTS.durationSeconds),
    warmupSeconds: seconds("warmup", pick(values.warmup, "BENCH_WARMUP"), DEFAULTS.warmupSeconds, 0),
    rounds: whole("rounds", pick(values.rounds, "BENCH_ROUNDS"), DEFAULTS.rounds),
    retries: whole("retries", pick(values.retries, "BENCH_RETRIES"), DEFAULTS.retries, 0),
    connections: whole("connections", pick(values.connections, "BENCH_CONNECTIONS"), DEFAULTS.connections),
    threads: whole("threads", pick(values.threads, "BENCH_THREADS"), DEFAULTS.threads),
    pin: values["no-pin"] ? false : flag(env.BENCH_PIN, DEFAULTS.pin),
    host: pick(values.host, "BENCH_HOST") ?? DEFAULTS.host,
    routeFilter: pick(values.route, "BENCH_ROUTE"),
    outFile: pick(values.out, "BENCH_OUT") ?? DEFAULTS.outFile,
    configPath: pick(values.config, "BENCH_CONFIG") ?? DEFAULTS.configPath,
    check: values.check ?? flag(env.BENCH_CHECK, DEFAULTS.check),
    skipHandler: values["skip-handler"] ?? flag(env.BENCH_SKIP_HANDLER, DEFAULTS.skipHandler),
    keepBundle: values["keep-bundle"] ?? flag(env.BENCH_KEEP_BUNDLE, DEFAULTS.keepBundle),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Whole seconds, with or without a trailing "s" as wrk writes them; bounded so a run stays short. */
function seconds(name: string, raw: string | undefined, fallback: number, min = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/s$/, ""));
  if (!Number.isInteger(value) || value < min || value > 60) {
    throw new OptionError(`${name} must be whole seconds from ${min} to 60, not "${raw}"`);
  }
  return value;
}

function whole(name: string, raw: string | undefined, fallback: number, min = 1): number {
  return raw === undefined ? fallback : wholeNumber(name, raw, min, 1000);
}

/** A whole-number flag of a benchmark's own command line (`--name`), from `min` to `max`. */
export function wholeFlag(name: string, raw: string, min: number, max = Number.POSITIVE_INFINITY): number {
  return wholeNumber(`--${name}`, raw, min, max);
}

/** `raw` as a whole number from `min` to `max`, or an OptionError naming the setting as `label`. */
function wholeNumber(label: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new OptionError(`${label} must be a whole number ${range}, not "${raw}"`);
  }
  return value;
}

function flag(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  return !["0", "false", "no", "off"].includes(raw.toLowerCase());
}

/** A bad flag or variable: reported as one line, without a stack. */
export class OptionError extends Error {}
