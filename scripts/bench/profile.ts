/**
 * `npm run bench -- --profile`: where a route's CPU goes on the real Worker
 * and on its constant Worker, under the same wrk load, from V8's sampling
 * profiler in workerd's inspector. The ABBA ratio says how far apart the two
 * are; this says in what: the Worker's own functions, each runtime API it
 * calls (`Response`, `get`, `stream`), garbage collection, and workerd
 * outside JavaScript. A third Worker, the constant one reading the request
 * first (constant-worker.ts), separates what reading a request costs from
 * what the real Worker does with it. DevTools (`wrangler dev`, press `d`)
 * profiles one Worker at a time, with nothing beside it.
 *
 * The bundle is built unminified here (main.ts), so the Worker's functions
 * keep their names; minifying renames them, it does not change what runs.
 * The profiler's own sampling slows both Workers alike: read each row as a
 * share of its side's whole, and the differences between sides.
 */
import { serveBoth } from "./constant-worker";
import { connect } from "./inspector";
import type { BenchRun } from "./main";
import { HOST } from "./options";
import { CpuMeter } from "./proc";
import type { RunningWorker } from "./real-worker";
import { renderTable, writeResults } from "./report";
import { routeLabel } from "./routes";
import { Wrk } from "./wrk";

/** Inspector ports for the real Worker's workerd and the constants' (not the soak's or bench:scale's). */
const INSPECTOR_PORTS = { real: 9331, constants: 9332 } as const;
/** Microseconds between samples: finer costs both sides more, coarser needs longer runs. */
const SAMPLING_INTERVAL_US = 200;
/** Rows named in the table: the largest by time on either side; the rest are summed as "other". */
const ROWS_SHOWN = 12;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Microseconds per request by row, and what the run served. */
type SideProfile = { requests: number; requestsPerSecond: number; cpuUsPerRequest: number | undefined; rows: Rows };
type Rows = Record<string, number>;

/** The Workers profiled per route: the real one, the constant one, and the constant one that reads the request first. */
type Side = "real" | "reading" | "constant";

export async function profile(run: BenchRun): Promise<number> {
  const { options, routes } = run;
  const settings = { seconds: options.durationSeconds, connections: options.connections, cores: run.wrkCores };
  console.log(`\n== ${routes.length} route(s) profiled: wrk -c ${settings.connections} -d ${settings.seconds}s ==`);
  const served = await serveBoth(run.bundle, run.config, routes, HOST, {
    inspectorPorts: INSPECTOR_PORTS,
    readingConstants: true,
  });
  const results = [];
  try {
    const meter = new CpuMeter(served.pids);
    for (const [index, { route, headers, constant, reading }] of served.routes.entries()) {
      const wrk = await Wrk.prepare(run.workDir, [{ path: route.path, headers }]);
      const sides: Record<Side, { worker: RunningWorker; port: number; target: string }> = {
        real: { worker: served.real, port: INSPECTOR_PORTS.real, target: run.config.name },
        reading: { worker: reading as RunningWorker, port: INSPECTOR_PORTS.constants, target: `reading-${index}` },
        constant: { worker: constant, port: INSPECTOR_PORTS.constants, target: `constant-${index}` },
      };
      const profiled = {} as Record<Side, SideProfile>;
      for (const [side, { worker, port, target }] of Object.entries(sides) as [Side, (typeof sides)[Side]][]) {
        if (options.warmupSeconds > 0) {
          await wrk.run(worker.origin, worker.pid, { ...settings, seconds: options.warmupSeconds }, meter);
        }
        const load = () => wrk.run(worker.origin, worker.pid, settings, meter);
        profiled[side] = await profileSide(worker, { port, target }, load);
      }
      const label = routeLabel(route);
      console.log(`\n${label}\n${printProfile(profiled)}`);
      results.push({ route: label, path: route.path, ...profiled });
    }
  } finally {
    await served.dispose();
  }
  const { machine } = run;
  await writeResults(options.outFile, { machine, settings, samplingIntervalUs: SAMPLING_INTERVAL_US, routes: results });
  console.log(`\nJSON: ${options.outFile}`);
  return 0;
}

/** One side's profile over one load: time per request by row. */
async function profileSide(
  worker: RunningWorker,
  inspector: { port: number; target: string },
  load: () => ReturnType<Wrk["run"]>,
): Promise<SideProfile> {
  const session = await connect(inspector.port, inspector.target);
  try {
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
    await session.send("Profiler.start");
    const result = await load();
    const { profile } = (await session.send("Profiler.stop")) as { profile: CpuProfile };
    const rows: Rows = {};
    for (const [row, us] of Object.entries(timeByRow(profile))) rows[row] = us / result.requests;
    const { requests, requestsPerSecond, serverCpuUsPerRequest } = result;
    if (result.errors > 0) throw new Error(`${worker.origin}: errors during the profiled load`);
    return { requests, requestsPerSecond, cpuUsPerRequest: serverCpuUsPerRequest, rows };
  } finally {
    session.close();
  }
}

/** Sampled microseconds by row: each sample's time goes to the function running when it was taken. */
function timeByRow(profile: CpuProfile): Rows {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const rows: Rows = {};
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    // timeDeltas[i] is the time from sample i - 1 to sample i; as DevTools does, sample i is given the time to the next.
    const us = profile.timeDeltas[index + 1] ?? 0;
    if (node) rows[rowOf(node.callFrame)] = (rows[rowOf(node.callFrame)] ?? 0) + us;
  });
  return rows;
}

/** What a sampled frame is counted as: the Worker's own function by name, a runtime API, or V8's own states. */
function rowOf({ functionName, url }: ProfileNode["callFrame"]): string {
  if (url !== "") return `Worker: ${functionName || "(anonymous)"}`;
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(program)" || functionName === "(idle)" || functionName === "(root)") {
    return "workerd outside JavaScript";
  }
  return `runtime: ${functionName || "(anonymous)"}`;
}

function printProfile(sides: Record<Side, SideProfile>): string {
  const { real, reading, constant } = sides;
  const names = [...new Set(Object.values(sides).flatMap((side) => Object.keys(side.rows)))];
  const largest = (name: string) => Math.max(...Object.values(sides).map((side) => side.rows[name] ?? 0));
  names.sort((a, b) => largest(b) - largest(a));
  const sum = (side: SideProfile, some: readonly string[]) =>
    some.reduce((total, name) => total + (side.rows[name] ?? 0), 0);
  const line = (name: string, some: readonly string[]) => {
    const [a, b, c] = [sum(real, some), sum(reading, some), sum(constant, some)];
    return [name, ...[a, b, c, a - c, a - b].map((us) => us.toFixed(2))];
  };
  const rows = [
    ...names.slice(0, ROWS_SHOWN).map((name) => line(name, [name])),
    line("other", names.slice(ROWS_SHOWN)),
    line("all sampled", names),
    line(
      "of which the Workers' own functions",
      names.filter((name) => name.startsWith("Worker: ")),
    ),
  ];
  const columns = ["µs per request", "real", "reads request", "constant", "real - constant", "real - reads"];
  const figures = (side: SideProfile) =>
    `${side.requestsPerSecond.toFixed(0)} req/s, ${side.cpuUsPerRequest?.toFixed(1) ?? "?"} µs CPU/request`;
  const summary = `profiled: real ${figures(real)}; reads request ${figures(reading)}; constant ${figures(constant)}`;
  return `${renderTable(columns, rows)}\n${summary} (workerd's, from /proc)`;
}
