import { describe, expect, it } from "vitest";
import { CONTENT_PATHS, CONTENT_ROUTES, PRIVATE_PATHS } from "../support/routes";
import { call } from "../support/worker";

async function validators(path: string) {
  const response = await call(path);
  expect(response.status, path).toBe(200);
  return { etag: response.headers.get("ETag") ?? "", lastModified: response.headers.get("Last-Modified") ?? "" };
}

describe("conditional requests and caching", () => {
  it.each(CONTENT_PATHS)("%s has a strong ETag, Last-Modified and the configured Cache-Control", async (path) => {
    const response = await call(path);
    expect(response.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(Date.parse(response.headers.get("Last-Modified") ?? "")).not.toBeNaN();
    expect(response.headers.get("Cache-Control")).toBe(
      "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
    );
  });

  it.each(CONTENT_PATHS)("%s answers 304 with no body to a matching If-None-Match", async (path) => {
    const { etag } = await validators(path);
    const response = await call(path, { headers: { "If-None-Match": etag } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("ETag")).toBe(etag);
    expect(response.headers.get("Cache-Control")).toContain("s-maxage=");
  });

  it.each(PRIVATE_PATHS)(
    "%s is revalidated like content but kept by the reader's browser only: no shared cache keeps what people looked for",
    async (path) => {
      const response = await call(path);
      expect(response.headers.get("Cache-Control")).toBe("private, max-age=300");
      expect(response.headers.get("Cloudflare-CDN-Cache-Control")).toBe("no-store");
      expect(response.headers.get("Cache-Tag")).toBeNull();
      const etag = response.headers.get("ETag") ?? "";
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      const revalidated = await call(path, { headers: { "If-None-Match": etag } });
      expect(revalidated.status).toBe(304);
      expect(revalidated.headers.get("Cache-Control")).toBe("private, max-age=300");
    },
  );

  it.each([
    ["a weak form of the tag", (etag: string) => `W/${etag}`],
    ["a list containing the tag", (etag: string) => `"other", ${etag}, "another"`],
    ["*", () => "*"],
  ])("matches If-None-Match with %s", async (_, header) => {
    const { etag } = await validators(CONTENT_ROUTES.article);
    const response = await call(CONTENT_ROUTES.article, { headers: { "If-None-Match": header(etag) } });
    expect(response.status).toBe(304);
  });

  it("serves the body when no tag matches", async () => {
    const response = await call(CONTENT_ROUTES.article, { headers: { "If-None-Match": '"stale", W/"older"' } });
    expect(response.status).toBe(200);
  });

  it("answers If-Modified-Since by the content's revision time", async () => {
    const { lastModified } = await validators(CONTENT_ROUTES.condition);
    const at = (offset: number) => new Date(Date.parse(lastModified) + offset).toUTCString();
    const status = async (value: string) =>
      (await call(CONTENT_ROUTES.condition, { headers: { "If-Modified-Since": value } })).status;
    expect(await status(lastModified)).toBe(304);
    expect(await status(at(60_000))).toBe(304);
    expect(await status(at(-60_000))).toBe(200);
    expect(await status("not a date")).toBe(200);
  });

  it("ignores If-Modified-Since when If-None-Match is present", async () => {
    const { lastModified } = await validators("/v1/articles");
    const response = await call("/v1/articles", {
      headers: { "If-None-Match": '"something-else"', "If-Modified-Since": lastModified },
    });
    expect(response.status).toBe(200);
  });

  it.each(CONTENT_PATHS)("answers HEAD %s like GET, without a body", async (path) => {
    const get = await call(path);
    const head = await call(path, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    for (const header of ["Content-Type", "ETag", "Last-Modified", "Cache-Control"]) {
      expect(head.headers.get(header), header).toBe(get.headers.get(header));
    }
    // The length the GET's body has, as RFC 9110 lets a HEAD say.
    const length = new TextEncoder().encode(await get.text()).length;
    expect(head.headers.get("Content-Length")).toBe(String(length));
    // A second HEAD, answered from the stored response, says the same.
    expect((await call(path, { method: "HEAD" })).headers.get("Content-Length")).toBe(String(length));
  });

  it("gives each section a content hash, so a partner can tell which sections changed", async () => {
    const list = await call("/v1/articles");
    const { items } = await list.json<{ items: { sections: { id: string; hash: string }[] }[] }>();
    const hashes = items[0]?.sections.map((section) => section.hash) ?? [];
    expect(new Set(hashes).size).toBe(hashes.length);
  });
});
