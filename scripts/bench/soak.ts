/**
 * `npm run bench -- --soak`: the real Worker under a mix of every route
 * (SOAK_ROUTES, in turn) at high concurrency from 10,000 client addresses,
 * in rounds; after each, the isolate's V8 heap (workerd's inspector) and
 * workerd's resident memory. It fails (with --check) on any socket error or
 * error status, or when the heap outgrows Workers' memory limit. Resident
 * memory is reported, not judged: workerd's own grows under load whatever
 * the Worker does (BENCHMARKS.md, "Soak").
 */
import { connect } from "./inspector";
import type { BenchRun } from "./main";
import { HOST } from "./options";
import { CpuMeter, residentMiB } from "./proc";
import { startBundle } from "./real-worker";
import { count, writeResults } from "./report";
import { Wrk, type WrkResult, warmUp } from "./wrk";

const MIB = 1024 * 1024;
/** Workers' memory limit per isolate, 128 MB in Cloudflare's limits, read as the smaller decimal megabytes. */
const ISOLATE_MEMORY_LIMIT_MIB = 128_000_000 / MIB;
/** Not bench:scale's, so the two can run side by side. */
const INSPECTOR_PORT = 9330;

/** A round: wrk's figures, the isolate's V8 heap (what it holds, what it has reserved), and workerd's RSS. */
type Round = WrkResult & { heapUsedMiB: number; heapTotalMiB: number; rssMiB: number | undefined };

export async function soak(run: BenchRun): Promise<number> {
  const { options, config } = run;
  const requests = run.routes.map((route) => ({ path: route.path, headers: { Host: HOST, ...route.headers } }));
  const wrk = await Wrk.prepare(run.workDir, requests);
  const worker = await startBundle(run.bundle, config, HOST, INSPECTOR_PORT);
  const inspector = await connect(INSPECTOR_PORT, config.name);
  const rounds: Round[] = [];
  try {
    await warmUp(worker.origin, requests);
    console.log(`\n== Soak: ${requests.length} routes in turn (SOAK_ROUTES), wrk -c ${options.connections} ==`);
    const meter = new CpuMeter(worker.pid === undefined ? [] : [worker.pid]);
    const settings = { seconds: options.durationSeconds, connections: options.connections, cores: run.wrkCores };
    while (rounds.length < options.rounds) {
      const result = await wrk.run(worker.origin, worker.pid, settings, meter);
      const heap = (await inspector.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
      const rssMiB = worker.pid === undefined ? undefined : residentMiB(worker.pid);
      rounds.push({ ...result, heapUsedMiB: heap.usedSize / MIB, heapTotalMiB: heap.totalSize / MIB, rssMiB });
      console.log(
        `round ${rounds.length}: ${count(result.requestsPerSecond)} req/s, p99 ${(result.latencyUs.p99 / 1000).toFixed(1)} ms, ` +
          `errors ${result.errors}, V8 heap ${(heap.usedSize / MIB).toFixed(1)} of ${(heap.totalSize / MIB).toFixed(1)} MiB, ` +
          `workerd RSS ${rssMiB?.toFixed(0)} MiB`,
      );
    }
  } finally {
    inspector.close();
    await worker.dispose();
  }
  const errors = rounds.reduce((sum, round) => sum + round.errors, 0);
  const largestHeap = Math.max(...rounds.map((round) => round.heapTotalMiB));
  const pass = errors === 0 && largestHeap <= ISOLATE_MEMORY_LIMIT_MIB;
  console.log(
    `soak: errors ${errors}; largest V8 heap ${largestHeap.toFixed(1)} MiB (limit ${ISOLATE_MEMORY_LIMIT_MIB.toFixed(1)}); ` +
      `workerd RSS ${rounds[0]?.rssMiB?.toFixed(0)} -> ${rounds.at(-1)?.rssMiB?.toFixed(0)} MiB: ${pass ? "PASS" : "FAIL"}`,
  );
  await writeResults(options.outFile, { machine: run.machine, settings: options, requests, rounds, pass });
  return options.check && !pass ? 1 : 0;
}
