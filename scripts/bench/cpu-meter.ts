/**
 * Who used the CPU during a load run: the workerd under test, wrk, and
 * everything else on the machine. "Everything else" is what makes a run on a
 * shared machine untrustworthy, so runs disturbed by it can be spotted,
 * repeated, and reported.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { hasProc, machineBusySeconds, processCpuSeconds, reapedChildrenCpuSeconds } from "./proc";

export interface CpuSample {
  at: number;
  busy: number;
  /** This process plus the workerd processes it started. */
  own: number;
  server: number | undefined;
  /** Children that have exited, such as a finished wrk. */
  children: number;
}

/** CPU seconds per wall second between two samples: 1 means one core fully busy. */
export interface CpuUsage {
  server: number | undefined;
  client: number;
  other: number;
}

export class CpuMeter {
  /** `ownPids`: processes this benchmark started (both workerd), so they never count as "other". */
  constructor(private readonly ownPids: readonly number[]) {}

  sample(serverPid?: number): CpuSample {
    if (!hasProc) return { at: performance.now(), busy: 0, own: 0, server: undefined, children: 0 };
    let own = processCpuSeconds("self");
    for (const pid of this.ownPids) own += cpuOf(pid) ?? 0;
    return {
      at: performance.now(),
      busy: machineBusySeconds(),
      own,
      server: serverPid === undefined ? undefined : cpuOf(serverPid),
      children: reapedChildrenCpuSeconds(),
    };
  }

  static usage(before: CpuSample, after: CpuSample): CpuUsage {
    const wall = (after.at - before.at) / 1000;
    const server =
      after.server !== undefined && before.server !== undefined ? (after.server - before.server) / wall : undefined;
    const client = (after.children - before.children) / wall;
    const own = (after.own - before.own) / wall;
    return { server, client, other: Math.max(0, (after.busy - before.busy) / wall - own - client) };
  }

  /**
   * Waits until other processes use at most `limit` cores over a short
   * window, for up to `maxSeconds`; returns the last load seen.
   */
  async waitForQuiet(limit: number, maxSeconds: number): Promise<number> {
    if (!hasProc) return 0;
    const deadline = performance.now() + maxSeconds * 1000;
    for (;;) {
      const before = this.sample();
      await sleep(500);
      const other = CpuMeter.usage(before, this.sample()).other;
      if (other <= limit || performance.now() >= deadline) return other;
    }
  }
}

function cpuOf(pid: number): number | undefined {
  try {
    return processCpuSeconds(pid);
  } catch {
    return undefined;
  }
}
