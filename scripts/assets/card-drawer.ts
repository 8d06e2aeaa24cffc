/**
 * Draws cards one after another in one thread with bounded memory.
 * resvg-js (2.6) holds each rendered image's pixels outside V8's heap, freed
 * only when their object is collected, and does not tell V8 of them; with a
 * small heap V8 collects rarely, so a thread drawing thousands of cards grows
 * until the machine runs out of memory (resvg-js issue #216, fixed in later
 * versions by PR #393). So the drawer collects after every few cards, and
 * yields once so the objects' finalizers free the pixels.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { type CardText, socialCard } from "../social/images";

/** Cards drawn between collections: each holds a full-size image's pixels until then. */
const COLLECT_EVERY = 16;

// The way to call V8's collector without starting Node.js with --expose-gc (Jest's leak detection does the same).
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

let drawn = 0;

export async function drawCard(text: CardText): Promise<Uint8Array> {
  const png = await socialCard(text);
  if (++drawn % COLLECT_EVERY === 0) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return png;
}
