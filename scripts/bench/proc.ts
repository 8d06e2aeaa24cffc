/**
 * CPU and memory from Linux /proc: how busy the server and the load
 * generator were during a run, and whether anything else on the machine
 * competed for the cores (figures from a shared machine are only as good as
 * that), so disturbed runs can be spotted, repeated and reported.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const hasProc = existsSync("/proc/self/stat");

const CLOCK_TICKS = hasProc ? Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" })) || 100 : 100;

/** Fields of /proc/<pid>/stat after the command name, which may itself contain spaces and parentheses. */
function statFields(pid: number | "self"): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** Seconds of CPU (user + system, all threads) a process has used; with `reaped`, its exited children's (a finished wrk). */
export function processCpuSeconds(pid: number | "self", reaped = false): number {
  // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  const fields = statFields(pid);
  const [user, system] = reaped ? [fields[13], fields[14]] : [fields[11], fields[12]];
  return (Number(user) + Number(system)) / CLOCK_TICKS;
}

/**
 * Seconds of busy CPU summed over every core: user and system time plus time
 * stolen by the hypervisor. Interrupt time is left out, because loopback
 * networking is largely counted there rather than to the processes.
 */
function machineBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [, user, nice, system, , , , , steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (steal ?? 0)) / CLOCK_TICKS;
}

/** Process ids of this process's live workerd children. */
export function workerdPids(): number[] {
  if (!hasProc) return [];
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
      if (name === "workerd" && Number(statFields(Number(entry))[1]) === process.pid) pids.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}

/** The workerd started since `before` was listed. */
export function newWorkerdPid(before: readonly number[]): number | undefined {
  return workerdPids().find((pid) => !before.includes(pid));
}

/** A process's resident memory, in MiB. */
export function residentMiB(pid: number): number | undefined {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : undefined;
}

/** Pins this process, and every process it starts from now on, to the given cores. */
export function pinSelf(cores: string): void {
  execFileSync("taskset", ["-p", "-c", cores, String(process.pid)], { stdio: "ignore" });
}

/** Whether an executable of this name is on PATH. */
export function hasCommand(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, command)));
}

/** CPU seconds so far: the machine's, this process's and its workerd's (own), the server's, reaped children's (wrk). */
type CpuSample = Record<"at" | "busy" | "own" | "children", number> & { server: number | undefined };

/** CPU seconds per wall second between two samples (1: one core fully busy) of the server, wrk, and all else. */
export type CpuUsage = { server: number | undefined; client: number; other: number };

/** Who used the CPU during a run: the workerd under test, wrk, and everything else on the machine. */
export class CpuMeter {
  /** `ownPids`: the workerd processes this benchmark started, so they never count as "other". */
  constructor(private readonly ownPids: readonly number[]) {}

  sample(serverPid?: number): CpuSample {
    if (!hasProc) return { at: performance.now(), busy: 0, own: 0, server: undefined, children: 0 };
    const own = this.ownPids.reduce((sum, pid) => sum + (cpuOf(pid) ?? 0), processCpuSeconds("self"));
    return {
      at: performance.now(),
      busy: machineBusySeconds(),
      own,
      server: serverPid === undefined ? undefined : cpuOf(serverPid),
      children: processCpuSeconds("self", true),
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

  /** Waits until other processes use at most `limit` cores over half a second, for up to `maxSeconds`. */
  async waitForQuiet(limit: number, maxSeconds: number): Promise<void> {
    const deadline = performance.now() + maxSeconds * 1000;
    while (hasProc) {
      const before = this.sample();
      await sleep(500);
      if (CpuMeter.usage(before, this.sample()).other <= limit || performance.now() >= deadline) return;
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
