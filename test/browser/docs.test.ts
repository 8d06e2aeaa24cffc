/**
 * /docs works with the network off: in Chromium, every request to anywhere
 * but the Worker is refused, and the reference still renders every operation
 * of /openapi.json, with nothing attempted elsewhere and no console error.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "../node/support/worker-process";
import { launchChromium } from "./support/browser";

describe("/docs offline", () => {
  let worker: RunningWorker;
  let browser: Browser;
  beforeAll(async () => {
    [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it("renders the reference from this origin alone", async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    const errors: string[] = [];
    await page.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === worker.url.origin || url.protocol === "data:") return route.continue();
      elsewhere.push(url.href);
      return route.abort();
    });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${worker.url.origin}/docs`);
    const operations = page.locator(".opblock-summary-path");
    await expect.poll(() => operations.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const document = (await (await worker.fetch("/openapi.json")).json()) as {
      paths: Record<string, object>;
      webhooks: Record<string, object>;
    };
    // Every operation, and every webhook (the change events partners are sent).
    const documented = [...Object.values(document.paths), ...Object.values(document.webhooks)].reduce(
      (count, item) => count + Object.keys(item).length,
      0,
    );
    expect(await operations.count()).toBe(documented);
    expect(await operations.allTextContents()).toEqual(
      expect.arrayContaining(["/v1/articles/{slug}", "article.updated"]),
    );
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
