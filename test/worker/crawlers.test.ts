import { describe, expect, it } from "vitest";
import { SLUGS } from "../support/library";
import { call, ORIGIN } from "../support/worker";

describe("crawler files", () => {
  it("lists the article pages in sitemap.xml with their last change", async () => {
    const response = await call("/sitemap.xml");
    expect(response.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const locations = [...xml.matchAll(/<loc>([^<]+)<\/loc><lastmod>(\d{4}-\d{2}-\d{2})<\/lastmod>/g)];
    expect(locations.map((match) => match[1])).toEqual([
      `${ORIGIN}/articles`,
      ...SLUGS.map((slug) => `${ORIGIN}/articles/${slug}`),
    ]);
    expect(SLUGS.length).toBeGreaterThan(0);
  });

  it("points robots.txt at the sitemap", async () => {
    const response = await call("/robots.txt");
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const text = await response.text();
    expect(text).toContain("User-agent: *\nAllow: /\n");
    expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});
