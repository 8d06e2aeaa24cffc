/**
 * Stored representations: every content response is built once per isolate
 * (per base URL and variant), together with its bytes and strong ETag, then
 * served as those bytes. Steady-state requests do no serialisation,
 * rendering or hashing.
 * The responses they were sent as, remembered for the fast path, are in
 * stored-responses.ts.
 */
import type { TypedResponse } from "hono";
import { base64url } from "../lib/base64";
import { type BodyTemplate, filledEtag, fillTemplate } from "../lib/body-template";
import { BoundedMap } from "../lib/bounded-map";

/** What a route builds, once: a JSON value (typed `T`) or text such as HTML. */
export type RepresentationSource<T> = {
  /** When the content behind this representation last changed. */
  lastModified: string | Date;
  /** Extra headers that belong to this representation, such as `Link` or its own CSP. */
  headers?: Record<string, string>;
} & (
  | { json: T; contentType?: string }
  | { text: string; contentType: string }
  /** A body rendered once for every base (src/lib/body-template.ts), filled in with `base`. */
  | { template: BodyTemplate; base: string; contentType: string }
);

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** A built response body and its validators. `T` is the JSON body type, carried to the typed client. */
export interface Representation<T = unknown> {
  /**
   * The bytes, as a Blob: workerd copies a Uint8Array body into every
   * response (the array could change afterwards; a Blob cannot). Large ones
   * are sent as the Blob's stream (response-body.ts).
   */
  readonly body: Blob;
  readonly contentType: string;
  /** Strong validator: a SHA-256 of the body (of a template's identity and base, for a filled template). */
  readonly etag: string;
  /** HTTP date of `lastModified`, whole seconds. */
  readonly lastModified: string;
  readonly lastModifiedTime: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Type-level only, never set: lets `T` flow from the store to the response. */
  readonly bodyType?: T;
}

/**
 * The key of a stored representation: who builds it (an operation's id, or a
 * representation several operations share) and the variant (base URL, slug,
 * selection, media...), so keys cannot collide across routes.
 */
export function representationKey(owner: string, ...variant: readonly (string | number)[]): string {
  return [owner, ...variant].join(" ");
}

/** A JSON response whose body type the typed client (`hono/client`) can see. */
export type JsonResponse<T> = Response & TypedResponse<T, 200, "json">;

const encoder = new TextEncoder();

/** Builds each keyed representation once and keeps it (bounded, least recently used first out). */
export class RepresentationStore {
  /** How many representations were built: a test can assert each is built once. */
  builds = 0;
  private readonly stored: BoundedMap<Promise<Representation>>;

  constructor(capacity = 512) {
    this.stored = new BoundedMap(capacity);
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

  private async create<T>(
    build: () => RepresentationSource<T> | Promise<RepresentationSource<T>>,
  ): Promise<Representation<T>> {
    this.builds++;
    return representation(await build());
  }
}

/**
 * A representation built for one response and not kept: for answers whose
 * variants are unbounded (search queries), which would push the library's
 * own representations out of the store.
 */
export async function representation<T>(source: RepresentationSource<T>): Promise<Representation<T>> {
  const { body, etag } = await bodyOf(source);
  const time = Math.floor(new Date(source.lastModified).getTime() / 1000) * 1000;
  return {
    body,
    contentType: source.contentType ?? JSON_CONTENT_TYPE,
    etag,
    lastModified: new Date(time).toUTCString(),
    lastModifiedTime: time,
    headers: source.headers ?? {},
  };
}

/** The bytes and strong ETag of a source: a template's ETag is its identity's and the base's, not its bytes' hash. */
async function bodyOf(source: RepresentationSource<unknown>): Promise<{ body: Blob; etag: string }> {
  if ("template" in source) {
    return {
      body: new Blob(fillTemplate(source.template, source.base)),
      etag: await filledEtag(source.template, source.base),
    };
  }
  const body = encoder.encode("json" in source ? JSON.stringify(source.json) : source.text);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return { body: new Blob([body]), etag: `"${base64url(digest)}"` };
}
