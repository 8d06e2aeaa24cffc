/**
 * Clean-up that must happen however the process ends, Ctrl-C included.
 * Miniflare stops its workerd on exit and on SIGINT/SIGTERM (and then calls
 * process.exit itself), so only synchronous work is safe here: removing
 * temporary folders, killing a running wrk.
 */
const tasks = new Set<() => void>();
let installed = false;

/** Runs `task` when the process exits; returns a function that cancels it. */
export function onExit(task: () => void): () => void {
  if (!installed) {
    installed = true;
    process.on("exit", () => {
      for (const pending of tasks) {
        try {
          pending();
        } catch {
          // Best effort: the process is ending.
        }
      }
    });
    // Without a listener, a signal would end the process without an "exit" event.
    process.once("SIGINT", () => process.exit(130));
    process.once("SIGTERM", () => process.exit(143));
  }
  tasks.add(task);
  return () => tasks.delete(task);
}
