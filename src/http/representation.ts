/**
 * Stored representations: every content response is built once per isolate
 * (per base URL and variant), together with its bytes and strong ETag, then
 * served as those bytes. Steady-state requests do no serialisation,
 * rendering or hashing.
 *
 * The store also remembers which stored response answered which request
 * (URL and Accept), so an identical request is answered straight from the
 * store without routing: see `createWorker` in src/worker.ts.
 */
import type { TypedResponse } from "hono";

/** What a route builds, once: a JSON value (typed `T`) or text such as HTML. */
export type RepresentationSource<T> = {
  /** When the content behind this representation last changed. */
  lastModified: string | Date;
  /** Extra headers that belong to this representation, such as `Link` or its own CSP. */
  headers?: Record<string, string>;
} & ({ json: T; contentType?: string } | { text: string; contentType: string });

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A built response body and its validators. `T` is the JSON body type, carried to the typed client. */
export interface Representation<T = unknown> {
  /**
   * The bytes, as a Blob. A Uint8Array body is copied into every response
   * (the Fetch standard requires it: the array could change afterwards); a
   * Blob cannot change, and workerd sends it far more cheaply. Measured
   * under load, the 74 KB page cost 137 µs of CPU a request from a
   * Uint8Array and 59 µs from a Blob; in a one-line Worker the copies cost
   * more the larger the isolate's heap, which points at garbage collection
   * (BENCHMARKS.md).
   */
  readonly body: Blob;
  readonly contentType: string;
  /** Strong validator: a SHA-256 of the body. */
  readonly etag: string;
  /** HTTP date of `lastModified`, whole seconds. */
  readonly lastModified: string;
  readonly lastModifiedTime: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Type-level only, never set: lets `T` flow from the store to the response. */
  readonly bodyType?: T;
}

/**
 * A stored representation with every header it is sent with on one route.
 * The headers are a `Headers` object built once: workerd copies one into a
 * new Response in about a third of the time it takes to read the same
 * headers from a list of pairs (7 against 23 µs, BENCHMARKS.md). Nothing
 * mutates it; each Response gets its own copy.
 */
export interface StoredResponse {
  readonly representation: Representation;
  readonly headers: Headers;
}

/** A JSON response whose body type the typed client (`hono/client`) can see. */
export type JsonResponse<T> = Response & TypedResponse<T, 200, "json">;

const encoder = new TextEncoder();

/**
 * A map that keeps at most `capacity` entries, dropping the least recently
 * used, so variants chosen by clients (section selections, hosts, Accept
 * headers) cannot grow memory without bound.
 */
class BoundedMap<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Refresh its place in the recency order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** The value under `key`, leaving its place in the order as it is. */
  peek(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** Builds each keyed representation once and keeps it (bounded, least recently used first out). */
export class RepresentationStore {
  /** How many representations were built: a test can assert each is built once. */
  builds = 0;
  private readonly stored: BoundedMap<Promise<Representation>>;
  private readonly responses: BoundedMap<StoredResponse>;

  constructor(capacity = 512) {
    this.stored = new BoundedMap(capacity);
    this.responses = new BoundedMap(capacity);
  }

  /** The representation stored under `key`, built by `build` the first time it is asked for. */
  get<T>(
    key: string,
    build: () => RepresentationSource<T> | Promise<RepresentationSource<T>>,
  ): Promise<Representation<T>> {
    const existing = this.stored.get(key);
    // Each key is only ever built by one route, from one `build` returning a T.
    if (existing) return existing as Promise<Representation<T>>;
    const created = this.create(build);
    this.stored.set(key, created);
    // A failed build is not kept: the next request tries again.
    created.catch(() => this.stored.delete(key));
    return created;
  }

  /** Remembers that requests with this key are answered by `response`. */
  remember(requestKey: string, response: StoredResponse): void {
    this.responses.set(requestKey, response);
  }

  /**
   * The stored response that answered a request with this key before, if
   * any. This runs on every request, so it leaves the order alone: moving
   * the entry to the back cost about 1 % of throughput (profiled under
   * load). Responses therefore leave in the order they were remembered; one
   * pushed out by a flood of new variants is routed once more and
   * remembered again.
   */
  recall(requestKey: string): StoredResponse | undefined {
    return this.responses.peek(requestKey);
  }

  private async create<T>(
    build: () => RepresentationSource<T> | Promise<RepresentationSource<T>>,
  ): Promise<Representation<T>> {
    this.builds++;
    const source = await build();
    const body = encoder.encode("json" in source ? JSON.stringify(source.json) : source.text);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    const time = Math.floor(new Date(source.lastModified).getTime() / 1000) * 1000;
    return {
      body: new Blob([body]),
      contentType: source.contentType ?? JSON_CONTENT_TYPE,
      etag: `"${base64url(digest)}"`,
      lastModified: new Date(time).toUTCString(),
      lastModifiedTime: time,
      headers: source.headers ?? {},
    };
  }
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
