/** The flags of `npm run bench` (USAGE below), and of bench:scale's whole numbers. */
import { parseArgs } from "node:util";

/** Each content route: real req/s over constant req/s. */
export const THROUGHPUT_TARGET = 0.9;
/** Host header sent to every Worker, so absolute links in the bodies are identical. */
export const HOST = "bench.localhost";

const DEFAULTS = {
  // Three ABBA rounds: on this shared VM one round's ratio moves by about ±0.05 from run to run (BENCHMARKS.md).
  // 10 s of warm-up: a fresh isolate collects far less garbage per request in its first seconds than one
  // that has served for a while, and the real Worker's isolate serves every route, each route's constant one.
  abba: { duration: 3, warmup: 10, rounds: 3, connections: 16 },
  soak: { duration: 10, warmup: 0, rounds: 9, connections: 128 },
  // One profiled run per side and route; rounds are not used.
  profile: { duration: 5, warmup: 10, rounds: 1, connections: 16 },
};

const FLAGS = {
  soak: { type: "boolean" },
  profile: { type: "boolean" },
  duration: { type: "string" },
  warmup: { type: "string" },
  rounds: { type: "string" },
  connections: { type: "string" },
  "no-pin": { type: "boolean" },
  route: { type: "string" },
  out: { type: "string" },
  config: { type: "string" },
  check: { type: "boolean" },
  help: { type: "boolean" },
} as const;

const { abba, soak, profile } = DEFAULTS;
export const USAGE = `Usage: npm run bench [-- options]

  (default)        each route, the real Worker against its constant Worker, in ABBA order
  --soak           every route in turn at high concurrency, in rounds; V8 heap and memory after each
  --profile        each route on both Workers under V8's sampling profiler: where the difference goes
  --duration N     seconds per measured run (${abba.duration}; soak ${soak.duration}; profile ${profile.duration})
  --warmup N       seconds of warm-up per Worker and route (${abba.warmup}; soak ${soak.warmup}; profile ${profile.warmup})
  --rounds N       ABBA rounds per route, or soak rounds (${abba.rounds}; soak ${soak.rounds})
  --connections N  wrk connections (${abba.connections}; soak ${soak.connections})
  --route TEXT     only routes whose label contains TEXT
  --no-pin         do not pin wrk and workerd to separate cores
  --config FILE    wrangler configuration to build and serve (wrangler.toml)
  --out FILE       JSON results (.bench/abba.json, .bench/soak.json, .bench/profile.json)
  --check          exit 1 when a target is missed (a measurement, not a test: off by default)`;

export type BenchOptions = NonNullable<ReturnType<typeof readOptions>>;

/** Reads the flags; `undefined` when --help was asked for. */
export function readOptions(argv: readonly string[]) {
  const { values } = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  if (values.help) return undefined;
  if (values.soak && values.profile) throw new OptionError("--soak and --profile are two modes: choose one");
  const mode = values.soak ? "soak" : values.profile ? "profile" : "abba";
  const number = (name: keyof (typeof DEFAULTS)["abba"], min: number) => {
    const raw = values[name];
    return raw === undefined ? DEFAULTS[mode][name] : wholeFlag(name, raw.replace(/s$/, ""), min, 1000);
  };
  return {
    mode,
    durationSeconds: number("duration", 1),
    warmupSeconds: number("warmup", 0),
    rounds: number("rounds", 1),
    connections: number("connections", 1),
    /** Pin wrk and workerd to different cores (needs `taskset` and at least 2 cores). */
    pin: !values["no-pin"],
    routeFilter: values.route,
    outFile: values.out ?? `.bench/${mode}.json`,
    configPath: values.config ?? "wrangler.toml",
    check: values.check ?? false,
  } as const;
}

/** A whole-number flag (`--name`), from `min` to `max`. */
export function wholeFlag(name: string, raw: string, min: number, max = Number.POSITIVE_INFINITY): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new OptionError(`--${name} must be a whole number ${range}, not "${raw}"`);
  }
  return value;
}

/** A bad flag: reported as one line, without a stack. */
export class OptionError extends Error {}
