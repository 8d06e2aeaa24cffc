/**
 * The static assets (wrangler.toml `[assets]`, built by `npm run build`),
 * through wrangler's own serving of them: each article's social card (a
 * 1200x630 PNG, the one its page's og:image names), the favicon, and the
 * /docs viewer, with the headers `_headers` gives them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "./support/worker-process";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe("static assets", () => {
  let worker: RunningWorker;
  beforeAll(async () => {
    worker = await startWorker();
  }, 120_000);
  afterAll(() => worker.stop());

  it("serve the social card the article page names in og:image and twitter:image: a 1200x630 PNG", async () => {
    const page = await (await worker.fetch("/articles/leg-cramps")).text();
    const image = page.match(/<meta property="og:image" content="([^"]+)"/)?.[1] ?? "";
    expect(image).toBe(`${worker.url.origin}/social/leg-cramps.png`);
    expect(page).toContain(`<meta name="twitter:image" content="${image}"`);
    expect(page).toContain('<meta property="og:image:width" content="1200"');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image"');
    const response = await worker.fetch(new URL(image).pathname);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/png");
    expect(response.headers.get("Cache-Control")).toContain("max-age=3600");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });

  it("serve the favicon the pages link to", async () => {
    const page = await (await worker.fetch("/articles")).text();
    expect(page).toContain(`<link rel="icon" href="${worker.url.origin}/favicon.ico"`);
    const response = await worker.fetch("/favicon.ico");
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // An ICO header: reserved 0, type 1 (icon), one image.
    expect([...bytes.slice(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
  });

  it("serve the /docs viewer from this origin, cacheable for good (its path carries its version)", async () => {
    const page = await (await worker.fetch("/docs")).text();
    const assets = [...page.matchAll(/(?:src|href)="(\/docs\/[^"]+)"/g)].map((match) => match[1] ?? "");
    expect(assets).toHaveLength(3);
    for (const path of assets) {
      const response = await worker.fetch(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Cache-Control"), path).toBe("public, max-age=31536000, immutable");
    }
  });

  it("leave every other path to the Worker", async () => {
    expect((await worker.fetch("/social/no-such-article.png")).headers.get("Content-Type")).toMatch(
      /^application\/problem\+json/,
    );
  });
});
