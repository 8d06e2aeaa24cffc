/**
 * A worker thread of draw-cards.ts: draws each card it is sent, writes it,
 * and answers with the file's size.
 */
import { parentPort } from "node:worker_threads";
import { writeIfChanged } from "../write-if-changed";
import { drawCard } from "./card-drawer";
import type { CardJob } from "./draw-cards";

const port = parentPort;
if (!port) throw new Error("card-worker.ts runs as a worker thread (draw-cards.ts)");
port.on("message", async ({ text, path }: CardJob) => {
  const png = await drawCard(text);
  writeIfChanged(path, png);
  port.postMessage(png.byteLength);
});
