/**
 * `npm run indexnow` against a local endpoint that records what it receives
 * (no traffic leaves the machine), reading the index the content build
 * wrote: the first run submits every URL, a content change submits exactly
 * the changed ones with the configured key, a dry run sends nothing,
 * failures are retried, and a refusal is not.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildLibrary } from "../../scripts/content/build-library";
import { type IndexNowOptions, runIndexNow } from "../../scripts/indexnow/main";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");
const BASE = "https://health.example.org";
const KEY = "a1b2c3d4e5f6a7b8";

interface Received {
  method: string;
  contentType: string | undefined;
  body: { host: string; key: string; keyLocation: string; urlList: string[] };
}

/** An IndexNow endpoint on loopback that answers each request with the next status in `statuses`. */
async function recorder(statuses: number[]) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      received.push({
        method: request.method ?? "",
        contentType: request.headers["content-type"],
        body: JSON.parse(text),
      });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { received, endpoint: `http://127.0.0.1:${port}/indexnow`, close: () => server.close() };
}

describe("npm run indexnow", () => {
  let root: string;
  let logged: string[];
  const options = (endpoint: string, overrides: Partial<IndexNowOptions> = {}): IndexNowOptions => ({
    base: BASE,
    key: KEY,
    endpoint,
    indexFile: join(root, "out/index.json"),
    manifest: join(root, ".indexnow/published.json"),
    dryRun: false,
    attempts: 3,
    retryDelayMs: 1,
    log: (line) => logged.push(line),
    ...overrides,
  });

  /** The content build, as a deploy runs it before `npm run indexnow`. */
  const build = () =>
    buildLibrary({ contentDir: join(root, "content"), cwd: root, outDir: join(root, "out"), threads: 1 });

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), "indexnow-"));
    cpSync(FIXTURES, join(root, "content"), { recursive: true });
    await build();
    logged = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("submits every page and the sitemap the first time, with the key and its location", async () => {
    const endpoint = await recorder([200]);
    const urls = await runIndexNow(options(endpoint.endpoint));
    endpoint.close();
    expect(endpoint.received).toHaveLength(1);
    const [request] = endpoint.received;
    expect(request?.method).toBe("POST");
    expect(request?.contentType).toBe("application/json; charset=utf-8");
    expect(request?.body).toMatchObject({ host: "health.example.org", key: KEY, keyLocation: `${BASE}/${KEY}.txt` });
    expect(request?.body.urlList).toEqual(urls);
    // The pages in the index's order (newest first), then the sitemap.
    expect(urls.slice(0, -1).sort()).toEqual([
      `${BASE}/articles/coded-condition`,
      `${BASE}/articles/hostile-condition`,
      `${BASE}/articles/sample-condition`,
    ]);
    expect(urls.at(-1)).toBe(`${BASE}/sitemap.xml`);
  });

  it("after a content change, submits exactly the changed page and the sitemap, never a section's fragment", async () => {
    const first = await recorder([200]);
    await runIndexNow(options(first.endpoint));
    first.close();
    const article = join(root, "content/sample-condition/article.md");
    writeFileSync(article, readFileSync(article, "utf8").replace("Text of the subtopic.", "New text of the subtopic."));
    await build();

    const second = await recorder([200]);
    await runIndexNow(options(second.endpoint));
    second.close();
    expect(second.received.map((request) => request.body.urlList)).toEqual([
      // A crawler fetches the page, whichever of its sections changed.
      [`${BASE}/articles/sample-condition`, `${BASE}/sitemap.xml`],
    ]);

    const third = await recorder([200]);
    expect(await runIndexNow(options(third.endpoint))).toEqual([]);
    third.close();
    expect(third.received).toEqual([]);
    expect(logged.at(-1)).toBe("indexnow: nothing changed since the last published build");
  });

  it("sends nothing on a dry run and keeps the last published manifest", async () => {
    const endpoint = await recorder([]);
    const urls = await runIndexNow(options(endpoint.endpoint, { dryRun: true }));
    endpoint.close();
    expect(urls.length).toBeGreaterThan(3);
    expect(endpoint.received).toEqual([]);
    expect(logged).toContain(`would submit ${BASE}/sitemap.xml`);
    const again = await recorder([200]);
    expect(await runIndexNow(options(again.endpoint))).toEqual(urls);
    again.close();
  });

  it("retries 429 and 5xx answers with growing waits, then succeeds", async () => {
    const endpoint = await recorder([503, 429, 202]);
    await runIndexNow(options(endpoint.endpoint));
    endpoint.close();
    expect(endpoint.received).toHaveLength(3);
    expect(logged.filter((line) => line.includes("retrying"))).toHaveLength(2);
  });

  it("stops at a refusal, without retrying or recording the build as published", async () => {
    const endpoint = await recorder([403]);
    await expect(runIndexNow(options(endpoint.endpoint))).rejects.toThrow("refused the submission: HTTP 403");
    endpoint.close();
    expect(endpoint.received).toHaveLength(1);
    const next = await recorder([200]);
    expect((await runIndexNow(options(next.endpoint))).length).toBeGreaterThan(3);
    next.close();
  });

  it("refuses a key IndexNow would not accept", async () => {
    await expect(runIndexNow(options("http://127.0.0.1:9/", { key: "short" }))).rejects.toThrow("8 to 128");
  });

  it("refuses to run before the content build, naming the missing index", async () => {
    const missing = join(root, "no-build/index.json");
    await expect(runIndexNow(options("http://127.0.0.1:9/", { indexFile: missing }))).rejects.toThrow(
      `${missing} does not exist: run npm run build`,
    );
  });
});
