/**
 * Compiles articles on worker threads, each running compile-task.ts. At
 * most one task per thread is in flight, so memory is bounded by the thread
 * count, not by the library: each outcome is handed to `onOutcome` (which
 * writes it to the cache) as it arrives, and dropped.
 */
import { Worker } from "node:worker_threads";
import { type CompileOutcome, type CompileTask, runCompileTask } from "./compile-task";

const WORKER = new URL("./compile-worker.ts", import.meta.url);

/**
 * Runs every task, `threads` at a time; with one thread, in this one (no
 * worker to start). `tasks` is pulled lazily, so it may read each article's
 * files only when a thread is ready for it.
 */
export async function compileAll<T extends CompileTask>(
  tasks: Iterable<T>,
  threads: number,
  onOutcome: (task: T, outcome: CompileOutcome) => void,
): Promise<void> {
  const queue = tasks[Symbol.iterator]();
  if (threads <= 1) {
    for (let next = queue.next(); !next.done; next = queue.next()) onOutcome(next.value, runCompileTask(next.value));
    return;
  }
  // Worker threads load TypeScript through tsx, as this process does (under tsx or vitest).
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { execArgv: ["--import", "tsx"] }));
  try {
    await Promise.all(workers.map((worker) => drain(worker, queue, onOutcome)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Feeds one worker from the shared queue until it is empty. */
function drain<T extends CompileTask>(
  worker: Worker,
  queue: Iterator<T>,
  onOutcome: (task: T, outcome: CompileOutcome) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let current: T | undefined;
    const send = () => {
      const next = queue.next();
      if (next.done) {
        resolve();
        return;
      }
      current = next.value;
      const { folder, name, cwd, files } = current;
      worker.postMessage({ folder, name, cwd, files } satisfies CompileTask);
    };
    worker.on("message", (outcome: CompileOutcome) => {
      if (current) {
        try {
          onOutcome(current, outcome);
        } catch (error) {
          reject(error);
          return;
        }
      }
      send();
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (code !== 0) reject(new Error(`a compile worker stopped with code ${code}`));
    });
    send();
  });
}
