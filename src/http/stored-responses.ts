/**
 * The responses stored representations were sent as, remembered by the
 * request they answered (URL and Accept), so an identical request is answered
 * straight from here without routing: see `createWorker` in src/worker.ts.
 * This runs for every request, so it reads and builds as little as it can.
 */
import { BoundedMap } from "../lib/bounded-map";
import type { Representation } from "./representation-store";

/**
 * A stored representation with every header it is sent with on one route.
 * The headers are a `Headers` object built once: workerd copies one into a
 * Response faster than it reads a list of pairs (BENCHMARKS.md). Nothing
 * mutates it; each Response gets its own copy.
 */
export interface StoredResponse {
  readonly representation: Representation;
  readonly headers: Headers;
}

/** The key a stored response is kept under: what its answer depends on, the request's URL and Accept. */
export function requestKey(url: string, accept: string | null): string {
  // No URL contains a line feed, so the two forms cannot collide; most requests send no Accept.
  return accept === null ? url : `${url}\n${accept}`;
}

/** The stored responses that answered requests, at most `capacity`, the oldest first out. */
export class StoredResponses {
  private readonly responses: BoundedMap<StoredResponse>;

  constructor(capacity = 512) {
    this.responses = new BoundedMap(capacity);
  }

  /** Remembers that requests with this key are answered by `response`. */
  remember(requestKey: string, response: StoredResponse): void {
    this.responses.set(requestKey, response);
  }

  /**
   * The stored response that answered a request with this key before, if
   * any. This runs on every request, so it leaves the order alone (moving
   * the entry to the back showed in the profile: BENCHMARKS.md). Responses
   * therefore leave in the order they were remembered; one pushed out by a
   * flood of new variants is routed once more and remembered again.
   */
  recall(requestKey: string): StoredResponse | undefined {
    return this.responses.peek(requestKey);
  }
}
