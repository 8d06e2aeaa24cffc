import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { libraryOf } from "../../src/content/library-source";
import { RepresentationStore } from "../../src/http/representation-store";
import { createWorker } from "../../src/worker";
import { libraryIndex } from "../support/library";
import { CONTENT_ROUTES } from "../support/routes";
import { SIBLINGS, SUBJECT } from "../support/subject";
import { call } from "../support/worker";

/** Two sections side by side, read from the library (test/support/subject.ts). */
const [first, second = first] = SIBLINGS.map((section) => section.id);

/** Everything a client can see of a response: status, every header, and the body. */
async function seen(response: Response) {
  return { status: response.status, headers: [...response.headers], body: await response.text() };
}

describe("stored representations", () => {
  it("builds each representation once and then serves the same bytes", async () => {
    const representations = new RepresentationStore();
    const app = createApp(libraryOf(libraryIndex), { representations });
    const paths = [CONTENT_ROUTES.article, CONTENT_ROUTES.section, CONTENT_ROUTES.condition];
    const fetchAll = () => Promise.all(paths.map(async (path) => (await app.request(path, {}, env)).text()));
    const first = await fetchAll();
    expect(representations.builds).toBe(3);
    for (let round = 0; round < 5; round++) {
      expect(await fetchAll()).toEqual(first);
    }
    expect(representations.builds).toBe(3);
  });

  it("keeps one representation per distinct selection, whatever order it was asked in", async () => {
    const representations = new RepresentationStore();
    const app = createApp(libraryOf(libraryIndex), { representations });
    await app.request(`${SUBJECT.path}?sections=${second},${first}`, {}, env);
    await app.request(`${SUBJECT.path}?sections=${first},${second},${second}`, {}, env);
    expect(representations.builds).toBe(1);
  });

  it("bounds how many variants it keeps", async () => {
    const representations = new RepresentationStore(2);
    let builds = 0;
    for (const key of ["a", "b", "c", "a"]) {
      await representations.get(key, () => {
        builds++;
        return { json: key, lastModified: "2026-01-01T00:00:00Z" };
      });
    }
    // "a" was evicted by "c" and had to be built again.
    expect(builds).toBe(4);
  });

  it("answers a repeated request from the store exactly as the routed one, each response with its own headers", async () => {
    const worker = createWorker(libraryOf(libraryIndex));
    const get = (path: string, headers: Record<string, string>) =>
      worker.fetch(new Request(`https://health.test${path}`, { headers }), env, {} as ExecutionContext);
    for (const [path, headers] of [
      [CONTENT_ROUTES.article, {}],
      [CONTENT_ROUTES.article, { Accept: "text/markdown" }],
      [CONTENT_ROUTES.page, {}],
      ["/embed.js", {}],
    ] as const) {
      const routed = await get(path, headers);
      const expected = await seen(routed.clone());
      const stored = await get(path, headers);
      expect(await seen(stored.clone())).toEqual(expected);
      // Stored responses are built from one shared Headers object: changing a response must not reach the next.
      for (const response of [routed, stored]) {
        response.headers.set("X-Changed-By-Client", "yes");
        response.headers.delete("ETag");
      }
      expect(await seen(await get(path, headers))).toEqual(expected);
    }
  });

  it("serves a strong ETag and Last-Modified, and 304 on revalidation", async () => {
    const response = await call(CONTENT_ROUTES.article);
    const etag = response.headers.get("ETag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const lastModified = response.headers.get("Last-Modified") ?? "";
    expect(Date.parse(lastModified)).not.toBeNaN();
    const revalidated = await call(CONTENT_ROUTES.article, { headers: { "If-None-Match": etag ?? "" } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    const since = await call(CONTENT_ROUTES.article, { headers: { "If-Modified-Since": lastModified } });
    expect(since.status).toBe(304);
  });
});
