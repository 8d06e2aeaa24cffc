/**
 * Draws social cards and writes them, on worker threads when there are
 * many (a cold build draws every article's): each thread draws one card at
 * a time from a shared queue, so memory does not grow with the library. A
 * few cards are drawn in this thread, which is quicker than starting one.
 */
import { Worker } from "node:worker_threads";
import type { CardText } from "../social/images";
import { writeIfChanged } from "../write-if-changed";

export interface CardJob {
  slug: string;
  text: CardText;
  /** Where the card is written. */
  path: string;
}

/** Fewer cards than this are drawn in this thread: starting a thread loads the drawing libraries again. */
const THREADED_FROM = 64;
const WORKER = new URL("./card-worker.ts", import.meta.url);

/** Draws each job's card into its file, handing `onDrawn` its size as each is written. */
export async function drawCards<Job extends CardJob>(
  jobs: readonly Job[],
  threads: number,
  onDrawn: (job: Job, bytes: number) => void,
): Promise<void> {
  if (jobs.length === 0) return;
  if (threads <= 1 || jobs.length < THREADED_FROM) {
    const { drawCard } = await import("./card-drawer");
    for (const job of jobs) {
      const png = await drawCard(job.text);
      writeIfChanged(job.path, png);
      onDrawn(job, png.byteLength);
    }
    return;
  }
  const queue = jobs[Symbol.iterator]();
  // Worker threads load TypeScript through tsx, as this process does (under tsx or vitest).
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { execArgv: ["--import", "tsx"] }));
  try {
    await Promise.all(workers.map((worker) => drain(worker, queue, onDrawn)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** Feeds one worker from the shared queue until it is empty. */
function drain<Job extends CardJob>(worker: Worker, queue: Iterator<Job>, onDrawn: (job: Job, bytes: number) => void) {
  return new Promise<void>((resolve, reject) => {
    let current: Job | undefined;
    const send = () => {
      const next = queue.next();
      current = next.done ? undefined : next.value;
      if (current) worker.postMessage(current);
      else resolve();
    };
    worker.on("message", (bytes: number) => {
      if (current) onDrawn(current, bytes);
      send();
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (code !== 0) reject(new Error(`a card worker stopped with code ${code}`));
    });
    send();
  });
}
