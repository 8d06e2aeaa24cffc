/** Talks to workerd's V8 inspector (Miniflare's `inspectorPort`) over the Chrome DevTools Protocol. */
import WebSocket from "ws";
import { LOOPBACK } from "./miniflare-workers";

/**
 * A minimal Chrome DevTools Protocol client for one of workerd's inspector
 * targets: the user Worker named `worker`, or else the first (Miniflare lists
 * the first Worker it was given first).
 */
export async function connect(port: number, worker?: string) {
  const targets = (await (await fetch(`http://${LOOPBACK}:${port}/json`)).json()) as {
    id: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = worker === undefined ? targets[0] : targets.find(({ id }) => id === `core:user:${worker}`);
  const url = target?.webSocketDebuggerUrl;
  if (!url) throw new Error(`workerd's inspector lists no target for ${worker ?? "any Worker"}`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
  const pending = new Map<number, (result: unknown) => void>();
  socket.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  let lastId = 0;
  return {
    send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
      const id = ++lastId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}
