/**
 * The pages as the auditors made for them judge them, each pinned in
 * package.json: Lighthouse (SEO, accessibility and best practices, mobile and
 * desktop, on Debian's Chromium), axe-core (every rule, every impact, on the
 * pages and inside the <health-article> element's shadow root) and the W3C Nu
 * HTML validator (vnu.jar, on Debian's Java): no error, no warning.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import lighthouse from "lighthouse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "../node/support/worker-process";
import { launchChromium } from "./support/browser";
import { type PartnerSite, startPartnerSite } from "./support/partner-site";

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = require("axe-core").source;
const VNU_JAR = join(dirname(require.resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

const PAGES = ["/articles", "/articles/leg-cramps"];
const EMBEDS = ["/embed/leg-cramps", "/embed/leg-cramps?sections=quinine-for-leg-cramps&theme=dark"];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

describe("the pages, audited", () => {
  let worker: RunningWorker;
  let partner: PartnerSite;
  let browser: Browser;
  let debuggingPort: number;

  beforeAll(async () => {
    debuggingPort = await freePort();
    [worker, partner, browser] = await Promise.all([
      startWorker(),
      startPartnerSite(),
      launchChromium([`--remote-debugging-port=${debuggingPort}`]),
    ]);
    partner.serve(
      "/broken.html",
      `<!doctype html><html><head><title>Broken</title></head><body><img src="x"></body></html>`,
    );
    partner.serve(
      "/element.html",
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body><main>
<health-article slug="leg-cramps" sections="calf-extension,quinine-for-leg-cramps" api="${worker.url.origin}">
  <a href="${worker.url.origin}/articles/leg-cramps">Leg cramps</a>
</health-article></main>
<script src="${worker.url.origin}/embed.js"></script></body></html>`,
    );
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([worker?.stop(), partner?.stop()]);
  });

  describe.each(["mobile", "desktop"] as const)("Lighthouse, %s", (formFactor) => {
    it.each(PAGES)(
      "scores %s 1.0 in SEO, accessibility and best practices",
      async (path) => {
        const result = await lighthouse(`${worker.url.origin}${path}`, {
          port: debuggingPort,
          output: "json",
          logLevel: "error",
          onlyCategories: ["seo", "accessibility", "best-practices"],
          formFactor,
          screenEmulation:
            formFactor === "desktop"
              ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }
              : { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
          // Timings are not what is judged here; the machine's load must not decide a score.
          throttlingMethod: "provided",
        });
        const { categories, audits } = result?.lhr ?? { categories: {}, audits: {} };
        const failing = Object.values(audits)
          .filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative")
          .map((audit) => `${audit.id}: ${audit.title}`);
        const scores = Object.fromEntries(Object.entries(categories).map(([id, category]) => [id, category.score]));
        expect({ scores, failing }).toEqual({
          scores: { seo: 1, accessibility: 1, "best-practices": 1 },
          failing: [],
        });
      },
      120_000,
    );
  });

  /** axe-core's violations on a page (and inside its open shadow roots), every impact. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
        .axe;
      return (await axe.run()).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    return violations;
  }

  it.each([...PAGES, ...EMBEDS])("has no axe-core violation on %s", async (path) => {
    // The pages' CSP allows no script of ours: axe is injected around it, as a browser extension would be.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${worker.url.origin}${path}`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("is actually checked by axe: a page with an unlabelled image and no language is reported", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${partner.origin}/broken.html`);
    const violations = await axeViolations(page);
    expect(violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^image-alt /), expect.stringMatching(/^html-has-lang /)]),
    );
    await context.close();
  });

  it("has no axe-core violation inside the <health-article> element's shadow root", async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${partner.origin}/element.html`);
    await expect.poll(() => page.locator("health-article").locator("h1").textContent()).toBe("Leg cramps");
    expect(await page.evaluate(() => document.querySelector("health-article")?.shadowRoot?.mode)).toBe("open");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("has no error or warning from the Nu HTML validator on any page", async () => {
    const folder = mkdtempSync(join(tmpdir(), "vnu-"));
    const files = await Promise.all(
      [...PAGES, ...EMBEDS, "/docs"].map(async (path, index) => {
        const file = join(folder, `page-${index}.html`);
        writeFileSync(file, await (await worker.fetch(path)).text());
        return [file, path] as const;
      }),
    );
    // A control: a section without a heading (a warning) and a list item outside a list (an error).
    const control = join(folder, "control.html");
    writeFileSync(
      control,
      `<!doctype html><html lang="en"><title>x</title><section><p>x</p></section><li>x</li></html>`,
    );
    files.push([control, "control"]);
    // vnu exits 1 when it has messages; its JSON report on stderr lists them.
    const { stderr } = await promisify(execFile)(
      "java",
      ["-jar", VNU_JAR, "--format", "json", ...files.map(([f]) => f)],
      {
        maxBuffer: 16 * 1024 * 1024,
      },
    ).catch((error: { stderr: string }) => error);
    rmSync(folder, { recursive: true, force: true });
    const byFile = new Map(files);
    // Nu's errors are type "error"; its warnings are type "info" with subType "warning". Other infos are neither.
    const messages = (
      JSON.parse(stderr) as { messages: { type: string; subType?: string; url: string; message: string }[] }
    ).messages
      .filter((message) => message.type === "error" || message.subType === "warning")
      .map(
        (message) =>
          `${byFile.get(message.url.replace("file:", "")) ?? message.url}: ${message.subType ?? message.type}: ${message.message}`,
      );
    expect(messages.filter((message) => message.startsWith("control: "))).toHaveLength(2);
    expect(messages.filter((message) => !message.startsWith("control: "))).toEqual([]);
  }, 120_000);
});
