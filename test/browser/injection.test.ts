/**
 * The hostile fixture (test/fixtures/content/hostile-condition) in a real
 * browser: its page, its embed, and a partner page using the element and the
 * oEmbed iframe. Every payload calls window.pwned(); none may run.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OEmbed } from "../../src/api/schemas";
import { type RunningWorker, startFixturesWorker } from "../node/support/worker-process";
import { launchChromium } from "./support/browser";
import { type PartnerSite, startPartnerSite } from "./support/partner-site";

const SLUG = "hostile-condition";
const TITLE = "Hostile </script><script>window.pwned('title')</script> condition";

describe("hostile content in a browser", () => {
  let worker: RunningWorker;
  let partner: PartnerSite;
  let browser: Browser;

  beforeAll(async () => {
    [worker, partner, browser] = await Promise.all([startFixturesWorker(), startPartnerSite(), launchChromium()]);
    const api = worker.url.origin;
    const oembed = (await (
      await worker.fetch(`/oembed?url=${encodeURIComponent(`${api}/articles/${SLUG}`)}`)
    ).json()) as OEmbed;
    partner.serve(
      "/partner.html",
      `<!doctype html><html><head><title>Partner</title></head><body>
${oembed.html}
<health-article slug="${SLUG}" api="${api}"><a href="${api}/articles/${SLUG}">Article</a></health-article>
<script src="${api}/embed.js"></script></body></html>`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([worker?.stop(), partner?.stop()]);
  });

  /** Opens a page whose every frame records calls to window.pwned and any dialog. */
  async function open(url: string): Promise<{ page: Page; dialogs: string[] }> {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const calls: string[] = [];
      Object.defineProperty(window, "pwned", { value: (where: string) => calls.push(where) });
      Object.defineProperty(window, "pwnedCalls", { value: calls });
    });
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(url, { waitUntil: "load" });
    return { page, dialogs };
  }

  /** Calls to window.pwned in every frame of the page. */
  async function calls(page: Page): Promise<string[]> {
    const perFrame = await Promise.all(
      page
        .frames()
        .map((frame) => frame.evaluate(() => [...((window as unknown as { pwnedCalls?: string[] }).pwnedCalls ?? [])])),
    );
    return perFrame.flat();
  }

  it.each([`/articles/${SLUG}`, `/embed/${SLUG}`, `/embed/${SLUG}?sections=injected-heading`])(
    "runs no injected script on %s, and shows the payloads as text",
    async (path) => {
      const { page, dialogs } = await open(`${worker.url.origin}${path}`);
      expect(await page.title()).toBe(TITLE);
      expect(await page.locator("body").textContent()).toContain("window.pwned(");
      expect(await calls(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    },
  );

  it("runs no injected script on a partner page using the element and the oEmbed iframe", async () => {
    const { page, dialogs } = await open(`${partner.origin}/partner.html`);
    const element = page.locator("health-article");
    await expect.poll(() => element.locator("h1").textContent()).toBe(TITLE);
    await expect.poll(() => page.frameLocator("iframe").locator("h1").textContent()).toBe(TITLE);
    expect(await calls(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    // Nothing from the content became a script on the partner page: only embed.js, from oEmbed's html and the partner.
    const sources = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => s.getAttribute("src")));
    expect(sources).toEqual([`${worker.url.origin}/embed.js`, `${worker.url.origin}/embed.js`]);
    await page.close();
  });
});
