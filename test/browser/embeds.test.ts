/**
 * A partner page on another origin shows the article both ways, in headless
 * Chromium: the iframe from oEmbed and the <health-article> element. Content,
 * attribution, disclaimer and (with chosen sections) the article's urgent
 * advice render, the iframe grows to its content, nothing
 * crosses the shadow boundary either way, and the console stays clean.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OEmbed } from "../../src/api/schemas";
import { type RunningWorker, startWorker } from "../node/support/worker-process";
import { launchChromium } from "./support/browser";
import { type PartnerSite, startPartnerSite } from "./support/partner-site";

const SCREENSHOT = join(import.meta.dirname, "../../docs/embed-screenshot.png");
const URGENT_HEADING = "When to get urgent help";

/** Partner styles that would wreck the article if they could reach it. */
const HOSTILE_PARTNER_CSS = `
  body { font-family: serif; margin: 2rem; }
  p, li { color: rgb(255, 0, 0) !important; font-size: 40px !important; }
  h2 { display: none !important; }
  section { border: 3px dashed orange; }
`;

describe("embedding on a partner site", () => {
  let worker: RunningWorker;
  let partner: PartnerSite;
  let browser: Browser;
  let api: string;

  beforeAll(async () => {
    [worker, partner, browser] = await Promise.all([startWorker(), startPartnerSite(), launchChromium()]);
    api = worker.url.origin;
    const pageUrl = `${api}/articles/leg-cramps`;
    const oembed = (await (
      await worker.fetch(`/oembed?url=${encodeURIComponent(pageUrl)}&maxwidth=480`)
    ).json()) as OEmbed;
    partner.serve(
      "/pharmacy.html",
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner pharmacy</title>
<style>${HOSTILE_PARTNER_CSS}</style></head><body>
<h1>Partner pharmacy</h1>
<p id="partner-text">The pharmacy's own paragraph.</p>
<div id="by-oembed">${oembed.html}</div>
<div id="by-element">
  <health-article slug="leg-cramps" sections="calf-extension,quinine-for-leg-cramps" api="${api}">
    <a href="${pageUrl}">Leg cramps</a>
  </health-article>
</div>
<script src="${api}/embed.js"></script>
</body></html>`,
    );
    partner.serve(
      "/many.html",
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many embeds</title></head><body>
<health-article id="first" slug="leg-cramps" sections="calf-extension" theme="dark" api="${api}"></health-article>
<health-article slug="leg-cramps" sections="calf-extension" theme="light" api="${api}"></health-article>
<health-article class="missing" slug="no-such-article" api="${api}"></health-article>
<health-article class="missing" slug="no-such-article" api="${api}"></health-article>
<script src="${api}/embed.js"></script>
</body></html>`,
    );
    partner.serve(
      "/no-script.html",
      `<!doctype html><html><body><health-article slug="leg-cramps"><a id="fallback" href="${pageUrl}">Leg cramps</a></health-article></body></html>`,
    );
    partner.serve(
      "/api-down.html",
      `<!doctype html><html><body><health-article slug="leg-cramps" api="http://127.0.0.1:9"><a href="${pageUrl}">Leg cramps</a></health-article>
<script src="${api}/embed.js"></script></body></html>`,
    );
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([worker?.stop(), partner?.stop()]);
  });

  /** Opens a partner page, recording console errors and uncaught exceptions. */
  async function open(path: string, width = 1000): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("response", (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${partner.origin}${path}`);
    return { page, errors };
  }

  it("shows the article in the oEmbed iframe with attribution and disclaimer, sized to its content", async () => {
    const { page, errors } = await open("/pharmacy.html");
    const frame = page.frameLocator("#by-oembed iframe");
    await expect.poll(() => frame.locator("h1").textContent()).toBe("Leg cramps");
    expect(await frame.locator("footer.attribution").textContent()).toContain(
      "Leg cramps, written by Cahoot Care Marketing for the Spire Content Hub.",
    );
    expect(await frame.locator("footer.attribution a").first().getAttribute("target")).toBe("_top");
    expect(await frame.locator("aside.disclaimer").textContent()).toContain(
      "cannot be a substitute for a consultation",
    );

    // The iframe starts at oEmbed's 800 px and grows to the document it holds.
    const iframe = page.locator("#by-oembed iframe");
    const contentHeight = () =>
      frame.locator("html").evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
    await expect
      .poll(async () =>
        Math.abs((await iframe.evaluate((node) => node.getBoundingClientRect().height)) - (await contentHeight())),
      )
      .toBeLessThanOrEqual(2);
    expect(await contentHeight()).toBeGreaterThan(800);
    // The partner's hostile CSS does not reach into the iframe.
    expect(
      await frame
        .locator("p")
        .first()
        .evaluate((node) => getComputedStyle(node).color),
    ).not.toBe("rgb(255, 0, 0)");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders the element's chosen sections in Shadow DOM, untouched by the partner's CSS", async () => {
    const { page, errors } = await open("/pharmacy.html");
    const element = page.locator("health-article");
    await expect.poll(() => element.locator("h1").textContent()).toBe("Leg cramps");
    expect(await element.locator("section").evaluateAll((sections) => sections.map((s) => s.id))).toEqual([
      "calf-extension",
      "quinine-for-leg-cramps",
    ]);
    const heading = element.locator("h2").first();
    expect(await heading.textContent()).toBe("Calf extension");
    expect(await heading.isVisible()).toBe(true);
    const paragraph = element.locator("p").first();
    const style = await paragraph.evaluate((node) => ({
      color: getComputedStyle(node).color,
      size: getComputedStyle(node).fontSize,
    }));
    expect(style.color).not.toBe("rgb(255, 0, 0)");
    expect(style.size).not.toBe("40px");
    expect(await element.locator(".attribution").textContent()).toContain("Cahoot Care Marketing");
    expect(await element.locator(".attribution a").first().getAttribute("href")).toBe(`${api}/articles/leg-cramps`);
    expect(await element.locator(".disclaimer").textContent()).toContain("cannot be a substitute for a consultation");
    // The chosen sections leave out when to get help: the element adds it, visibly, before the disclaimer.
    const advice = element.locator("aside.urgent-advice");
    expect(await advice.locator("h2").textContent()).toBe(URGENT_HEADING);
    expect(await advice.locator("h2").isVisible()).toBe(true);
    expect(await advice.textContent()).toContain("You should call your GP urgently or call 111 if:");
    expect(await advice.textContent()).toContain("Exposure to mercury or lead");
    expect(await advice.textContent()).toContain("If you experience these symptoms call 111.");
    expect(await advice.evaluate((node) => node.nextElementSibling?.className)).toBe("disclaimer");
    // Rendered in the shadow root, not the partner's DOM: the light-DOM fallback link is not shown.
    expect(
      await page.evaluate(
        () => document.querySelector("health-article")?.shadowRoot?.querySelector("article") !== null,
      ),
    ).toBe(true);
    expect(await page.locator("health-article > a").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("leaves the partner page as it was: no styles or elements leak out", async () => {
    const { page, errors } = await open("/pharmacy.html");
    await expect.poll(() => page.locator("health-article").locator("h1").textContent()).toBe("Leg cramps");
    const partner = await page.evaluate(() => {
      const text = document.getElementById("partner-text");
      return {
        styleSheets: document.styleSheets.length,
        color: text ? getComputedStyle(text).color : "",
        fontFamily: getComputedStyle(document.body).fontFamily,
        articles: document.querySelectorAll("article").length,
      };
    });
    expect(partner).toEqual({ styleSheets: 1, color: "rgb(255, 0, 0)", fontFamily: "serif", articles: 0 });
    expect(errors).toEqual([]);
    mkdirSync(join(SCREENSHOT, ".."), { recursive: true });
    await page.locator("#by-element").screenshot({ path: SCREENSHOT });
    await page.close();
  });

  it("adds the urgent advice to an embed page of chosen sections, as a marked box", async () => {
    const page = await browser.newPage({ viewport: { width: 480, height: 900 } });
    await page.goto(`${api}/embed/leg-cramps?sections=quinine-for-leg-cramps`);
    const advice = page.locator("aside.urgent-advice");
    expect(await advice.isVisible()).toBe(true);
    expect(await advice.locator("h2").textContent()).toBe(URGENT_HEADING);
    expect(await advice.locator("li").allTextContents()).toContain("Exposure to mercury or lead");
    const border = await advice.evaluate((node) => getComputedStyle(node).borderLeftWidth);
    expect(border).toBe("4px");
    await page.close();
  });

  it("opens the article page with the urgent help box, whole, within a 390 px phone's first screen", async () => {
    // A 390 x 844 phone (CSS pixels); its browser's bars leave the page about 664 of them.
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${api}/articles/leg-cramps`);
    const advice = page.locator("aside.urgent-advice");
    expect(await advice.locator("h2").textContent()).toBe(URGENT_HEADING);
    const bottomOf = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((node) => node.getBoundingClientRect().bottom);
    expect(await advice.evaluate((node) => node.getBoundingClientRect().top)).toBeGreaterThan(0);
    expect(await bottomOf("aside.urgent-advice")).toBeLessThanOrEqual(844);
    // Even under the browser's bars, its heading and the call to 111 are seen before any scrolling.
    expect(await bottomOf("aside.urgent-advice p")).toBeLessThanOrEqual(664);
    expect(await advice.textContent()).toContain("You should call your GP urgently or call 111 if:");
    expect(await advice.textContent()).toContain("If you experience these symptoms call 111.");
    await page.close();
  });

  it("opens the element's whole article with the urgent help box, right after its title", async () => {
    partner.serve(
      "/whole-article.html",
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Whole article</title></head><body>
<health-article slug="leg-cramps" api="${api}"></health-article><script src="${api}/embed.js"></script></body></html>`,
    );
    const { page, errors } = await open("/whole-article.html", 390);
    const element = page.locator("health-article");
    await expect.poll(() => element.locator("h1").textContent()).toBe("Leg cramps");
    const advice = element.locator("aside.urgent-advice");
    expect(await advice.count()).toBe(1);
    expect(await advice.evaluate((node) => node.previousElementSibling?.tagName)).toBe("H1");
    expect(await advice.textContent()).toContain("If you experience these symptoms call 111.");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a partner's iframe of a bad /embed/ URL a readable page in the frame, not a broken one", async () => {
    partner.serve(
      "/typo.html",
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Typo</title></head><body>
<iframe id="typo" src="${api}/embed/leg-cramps?sections=typo" title="Leg cramps" style="border:0;width:100%" height="400"></iframe>
</body></html>`,
    );
    const page = await browser.newPage({ viewport: { width: 480, height: 900 } });
    await page.goto(`${partner.origin}/typo.html`);
    const frame = page.frameLocator("#typo");
    await expect.poll(() => frame.locator("h1").textContent()).toBe("400 Invalid parameters");
    expect(await frame.locator("h1").isVisible()).toBe(true);
    expect(await frame.locator("main p").textContent()).toBe("Invalid value for: sections.");
    expect(await frame.locator("a").first().getAttribute("href")).toBe(`${api}/articles/leg-cramps`);
    await page.close();
  });

  it("makes one request per article shown, whatever how many elements show it, and none again for one missing", async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname.startsWith("/v1/")) requested.push(request.url());
    });
    await page.goto(`${partner.origin}/many.html`);
    await expect.poll(() => page.locator("#first").locator("h1").textContent()).toBe("Leg cramps");
    await expect.poll(() => page.locator("health-article.missing").last().locator("a").count()).toBe(1);
    expect(requested.sort()).toEqual([
      `${api}/v1/articles/leg-cramps?sections=calf-extension`,
      `${api}/v1/articles/no-such-article`,
    ]);
    // A theme change is the stylesheet's: nothing is fetched; a change of sections fetches once.
    await page.locator("#first").evaluate((element) => element.setAttribute("theme", "light"));
    await page.locator("#first").evaluate((element) => element.setAttribute("sections", "ankle-stretch"));
    await expect.poll(() => requested.length).toBe(3);
    expect(requested[2]).toBe(`${api}/v1/articles/leg-cramps?sections=ankle-stretch`);
    await page.close();
  });

  it("is readable on a 320 px phone without sideways scrolling", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${api}/embed/leg-cramps`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it("degrades to the partner's plain link when the script never runs", async () => {
    const { page } = await open("/no-script.html");
    expect(await page.locator("#fallback").isVisible()).toBe(true);
    await page.close();
  });

  it("still points readers at the article when the API cannot be reached", async () => {
    const { page } = await open("/api-down.html");
    const element = page.locator("health-article");
    await expect.poll(() => element.locator("article p").textContent()).toContain("could not be loaded here");
    expect(await element.locator("article a").getAttribute("href")).toBe("http://127.0.0.1:9/articles/leg-cramps");
    await page.close();
  });
});
