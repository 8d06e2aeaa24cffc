/** A worker thread of the build's compile pool (compile-pool.ts): compiles each article it is sent. */
import { parentPort } from "node:worker_threads";
import { type CompileTask, runCompileTask } from "./compile-task";

parentPort?.on("message", (task: CompileTask) => {
  parentPort?.postMessage(runCompileTask(task));
});
