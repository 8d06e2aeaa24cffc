/**
 * CPU accounting from Linux /proc, so each load run can say how busy the
 * server and the load generator were, and whether something else on the
 * machine was competing for the cores (numbers from a shared machine are
 * only as good as that).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { delimiter, join } from "node:path";

const CLOCK_TICKS = clockTicks();

function clockTicks(): number {
  try {
    const ticks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

export const hasProc = existsSync("/proc/self/stat");

/** Fields of /proc/<pid>/stat after the command name, which may itself contain spaces and parentheses. */
function statFields(pid: number | "self"): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}

/** Seconds of CPU (user + system, all threads) used so far by a process. */
export function processCpuSeconds(pid: number | "self"): number {
  // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Seconds of CPU used by this process's children that have exited and been reaped (such as a finished wrk). */
export function reapedChildrenCpuSeconds(): number {
  const fields = statFields("self");
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/**
 * Seconds of busy CPU summed over every core, as processes see it: user and
 * system time plus time stolen by the hypervisor. Interrupt time is left
 * out, because loopback networking is largely counted there rather than to
 * the processes that send and receive.
 */
export function machineBusySeconds(): number {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const [, user, nice, system, , , , , steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (steal ?? 0)) / CLOCK_TICKS;
}

/** Process ids of this process's live children with a given command name. */
export function childPids(command: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"));
      const ppid = Number(statFields(Number(entry))[1]);
      if (name === command && ppid === process.pid) pids.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return pids;
}

/** Pins this process, and every process it starts from now on, to the given cores. */
export function pinSelf(cores: string): void {
  execFileSync("taskset", ["-p", "-c", cores, String(process.pid)], { stdio: "ignore" });
}

/** Whether an executable of this name is on PATH. */
export function hasCommand(command: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, command)));
}

/** Which of `pids` listens on a TCP port of this machine, from /proc/net/tcp and the processes' open sockets. */
export function pidListeningOn(port: number, pids: readonly number[]): number | undefined {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      // sl local_address rem_address st ... inode: the address is HEX_IP:HEX_PORT, state 0A is LISTEN.
      const fields = line.trim().split(/\s+/);
      const localPort = Number.parseInt(fields[1]?.split(":").pop() ?? "", 16);
      if (localPort === port && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  return pids.find((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        const target = /^socket:\[(\d+)\]$/.exec(readlinkOf(`/proc/${pid}/fd/${fd}`))?.[1];
        return target !== undefined && inodes.has(target);
      });
    } catch {
      return false; // The process ended while its descriptors were read.
    }
  });
}

function readlinkOf(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return "";
  }
}
