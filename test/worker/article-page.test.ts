import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ArticleResource } from "../../src/api/schemas";
import { createApp } from "../../src/app";
import { ContentLibrary } from "../../src/content/library";
import { libraryOf } from "../../src/content/library-source";
import type { Section } from "../../src/content/model";
import { INDEX_PAGE_SIZE } from "../../src/render/articles-index-page";
import { decodeEntities, scan } from "../support/html";
import { ARTICLES, libraryIndex } from "../support/library";
import { DEEPEST, SUBJECT } from "../support/subject";
import { call, getJson, ORIGIN } from "../support/worker";

/** The article shown is read from the library (test/support/subject.ts). */
const { slug, title, page: PAGE } = SUBJECT;

async function page(): Promise<string> {
  const response = await call(`/articles/${slug}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
  return response.text();
}

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((section) => [section, ...flatten(section.sections)]);
}

describe("GET /articles/{slug}", () => {
  it("has the head a crawler and a link preview need", async () => {
    const html = await page();
    const article = await getJson<ArticleResource>(SUBJECT.path);
    const found = await scan(html, ["html", "title", "meta", "link"]);
    expect(found.html?.[0]?.attributes.lang).toBe(article.language);
    expect(found.title?.[0]?.text).toBe(title);
    const meta = (key: string) =>
      found.meta?.find((element) => element.attributes.name === key || element.attributes.property === key)?.attributes
        .content;
    expect(meta("description")).toBe(article.description);
    expect(meta("og:type")).toBe("article");
    expect(meta("og:title")).toBe(title);
    expect(meta("og:url")).toBe(PAGE);
    expect(meta("og:locale")).toBe(article.language.replace("-", "_"));
    // The site is this service; the publisher is credited on the page and in the JSON-LD.
    expect(meta("og:site_name")).toBe("Health content API");
    expect(meta("twitter:card")).toBe("summary_large_image");
    expect(meta("twitter:description")).toBe(article.description);
    // A typographic card of the title and the publisher's attribution, described in those words.
    const card = `${ORIGIN}/social/${slug}.png`;
    const alt = `${title}. ${article.attribution.text}`;
    expect([meta("og:image"), meta("og:image:width"), meta("og:image:height"), meta("og:image:alt")]).toEqual([
      card,
      "1200",
      "630",
      alt,
    ]);
    expect([meta("twitter:image"), meta("twitter:image:alt")]).toEqual([card, alt]);
    const links = found.link?.map((link) => link.attributes) ?? [];
    expect(links).toContainEqual({ rel: "canonical", href: PAGE });
    expect(links).toContainEqual({ rel: "alternate", hreflang: article.language, href: PAGE });
    expect(links).toContainEqual({
      rel: "alternate",
      type: "application/json+oembed",
      href: `${ORIGIN}/oembed?format=json&url=${encodeURIComponent(PAGE)}`,
      title,
    });
    expect(links).toContainEqual({
      rel: "alternate",
      type: "application/ld+json",
      href: `${PAGE.replace("/articles/", "/v1/articles/")}/jsonld`,
    });
  });

  it("embeds exactly the graph served at /jsonld", async () => {
    const found = await scan(await page(), ['script[type="application/ld+json"]']);
    const scripts = found['script[type="application/ld+json"]'] ?? [];
    expect(scripts).toHaveLength(1);
    // The script body is raw text (not entity-decoded by the browser), so parse what was sent.
    const raw = (await page()).match(/<script type="application\/ld\+json">([^<]*)<\/script>/)?.[1] ?? "";
    const served = await (await call(`${SUBJECT.path}/jsonld`)).json();
    expect(JSON.parse(raw)).toEqual(served);
  });

  it("is a readable article: headings in order, every section, the FAQ, the disclaimer and the credits", async () => {
    const html = await page();
    const article = await getJson<ArticleResource>(SUBJECT.path);
    const found = await scan(html, [
      ...["h1", "h2", "h3", "h4", "h5", "h6"],
      ...["section[id]", "div[id]", "p", "li", "aside.disclaimer p"],
    ]);
    expect(found.h1?.map((heading) => heading.text)).toEqual([title]);
    const titled = article.sections.filter((section) => section.title !== null).map((section) => section.title);
    // The urgent help box opens the article (urgent-advice.test.ts), then the article's own sections.
    expect(found.h2?.map((heading) => heading.text)).toEqual([
      "When to get urgent help",
      ...titled,
      "About this article",
    ]);
    // Every titled section is a <section>; the untitled opening text a <div> (a section needs a heading).
    const all = flatten(article.sections);
    expect(found["section[id]"]?.map((section) => section.attributes.id)).toEqual(
      all.filter((section) => section.title !== null).map((section) => section.id),
    );
    expect(found["div[id]"]?.map((element) => element.attributes.id)).toEqual(
      all.filter((section) => section.title === null).map((section) => section.id),
    );
    const headings = [...(found.h3 ?? []), ...(found.h4 ?? [])].map((heading) => heading.text);
    for (const entry of article.faq) expect(headings).toContain(entry.question);
    // Every nested section's heading, at its level (an h2 for each top-level one, checked above).
    for (const section of all.filter((candidate) => candidate.title !== null && candidate.level > 2)) {
      expect(found[`h${section.level}`]?.map((heading) => heading.text)).toContain(section.title);
    }
    expect(DEEPEST.section.level).toBeGreaterThan(2);
    const texts = new Set([...(found.p ?? []), ...(found.li ?? [])].map((element) => element.text.trim()));
    for (const section of flatten(article.sections)) {
      for (const block of section.blocks) {
        if (block.type === "paragraph") expect(texts).toContain(block.text);
      }
    }
    expect(found["aside.disclaimer p"]?.map((line) => line.text)).toEqual(article.disclaimer);
    if (article.licence === null) {
      expect(texts).toContain("Licence: not stated by the publisher; ask the publisher before reusing this text.");
    }
    // Each editor credited as the source credits them: "Name, Job title — Organisation".
    for (const { name, jobTitle, worksFor } of article.editors) {
      expect(headings).toContain(`${name}${jobTitle ? `, ${jobTitle}` : ""}${worksFor ? ` — ${worksFor}` : ""}`);
    }
  });

  it("allows only its own inline style, and may not be framed", async () => {
    const response = await call(`/articles/${slug}`);
    const html = await response.text();
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    const style = decodeEntities(html.match(/<style>([^<]*)<\/style>/)?.[1] ?? "");
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style)));
    const hash = btoa(String.fromCharCode(...digest));
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("script-src");
  });

  it("answers 404 problem+json for an unknown article, to a client that does not ask for a page", async () => {
    const response = await call("/articles/no-such-article");
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  });

  it("shows a reader who follows a stale link a 404 page in the site's style, with the way to the list", async () => {
    const accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    const stale = slug.slice(0, -1);
    const response = await call(`/articles/${stale}`, { headers: { Accept: accept } });
    expect(response.status).toBe(404);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    const found = await scan(await response.text(), ["h1", "main p", "a"]);
    expect(found.h1?.map((heading) => heading.text)).toEqual(["404 Not Found"]);
    expect(found["main p"]?.[0]?.text).toBe(`There is no article "${stale}".`);
    expect(found.a?.map((link) => link.attributes.href)).toEqual([`${ORIGIN}/articles`]);
  });
});

describe("GET /articles", () => {
  it("lists the newest articles, a page of them, each with a link to its page", async () => {
    const response = await call("/articles");
    expect(response.status).toBe(200);
    const found = await scan(await response.text(), ["a", "link[rel=canonical]"]);
    expect(found.a?.map((link) => [link.attributes.href, link.text])).toEqual(
      ARTICLES.slice(0, INDEX_PAGE_SIZE).map((article) => [`${ORIGIN}/articles/${article.slug}`, article.title]),
    );
    expect(found.a?.map((link) => link.attributes.href)).toContain(PAGE);
    expect(found["link[rel=canonical]"]?.[0]?.attributes.href).toBe(`${ORIGIN}/articles`);
  });
});

describe("GET /articles, in pages", () => {
  // An index of more articles than two pages hold. The index page reads only the index, so no article
  // files are needed: copies of the library's newest article's entry under other slugs and titles.
  const [newest] = libraryIndex.articles;
  if (!newest) throw new Error("the library is empty");
  const count = INDEX_PAGE_SIZE * 2 + 1;
  const articles = Array.from({ length: count }, (_, n) => ({
    ...newest,
    slug: `article-${String(n).padStart(4, "0")}`,
    title: `Article ${n}`,
  }));
  const app = createApp(libraryOf({ ...libraryIndex, articles }));
  const get = (path: string) => app.request(`${ORIGIN}${path}`, { headers: { Accept: "text/html" } }, env);
  const selectors = ["main li a", "link[rel=canonical]", "link[rel=prev]", "link[rel=next]", "nav a", "h1"];

  it("holds a page of articles each, in the library's order, linked by rel prev and next", async () => {
    const seen: string[] = [];
    for (const [page, path] of [
      [1, "/articles"],
      [2, "/articles?page=2"],
      [3, "/articles?page=3"],
    ] as const) {
      const response = await get(path);
      expect(response.status).toBe(200);
      const found = await scan(await response.text(), selectors);
      seen.push(...(found["main li a"] ?? []).map((link) => link.attributes.href ?? ""));
      expect(found["link[rel=canonical]"]?.[0]?.attributes.href).toBe(`${ORIGIN}${path}`);
      const prev = page === 2 ? `${ORIGIN}/articles` : `${ORIGIN}/articles?page=${page - 1}`;
      expect(found["link[rel=prev]"]?.map((link) => link.attributes.href)).toEqual(page > 1 ? [prev] : []);
      const next = `${ORIGIN}/articles?page=${page + 1}`;
      expect(found["link[rel=next]"]?.map((link) => link.attributes.href)).toEqual(page < 3 ? [next] : []);
      expect(found.h1?.[0]?.text).toContain(`page ${page} of 3`);
    }
    // Every article once, in the order the library lists them.
    const library = new ContentLibrary({ ...libraryIndex, articles });
    expect(seen).toEqual(library.articles.map((article) => `${ORIGIN}/articles/${article.slug}`));
  });

  it("answers a page past the last with a 404 and a page that is not a whole number from 1 with a 400", async () => {
    for (const [path, status] of [
      ["/articles?page=4", 404],
      ["/articles?page=0", 400],
      ["/articles?page=x", 400],
    ] as const) {
      // A browser is shown a page; a client preferring problem+json gets the problem.
      const page = await get(path);
      expect(page.status, path).toBe(status);
      expect(page.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(await page.text()).toContain(`<h1>${status} `);
      const accept = "application/problem+json, text/html;q=0.1";
      const json = await app.request(`${ORIGIN}${path}`, { headers: { Accept: accept } }, env);
      expect(json.status, path).toBe(status);
      expect(json.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    }
  });

  it("is one page without prev or next links while the library fits on one", async () => {
    const found = await scan(await (await call("/articles")).text(), selectors);
    expect(found["link[rel=prev]"]).toEqual([]);
    expect(found["link[rel=next]"]).toEqual([]);
    expect(found["nav a"]).toEqual([]);
    expect((await call("/articles?page=2")).status).toBe(ARTICLES.length > INDEX_PAGE_SIZE ? 200 : 404);
  });
});
