/**
 * The hostile fixture (test/fixtures/content/hostile-condition): every field
 * tries to become markup, script, a javascript: link or a Markdown construct.
 * Every representation must keep it as inert text, verbatim.
 */

import { parseAtomFeed } from "feedsmith";
import type { Root, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { describe, expect, it } from "vitest";
import type { ArticleResource, OEmbed } from "../../src/api/schemas";
import { EMBED_HEIGHT_SCRIPT } from "../../src/render/embed-styles";
import { type ScannedElement, scan } from "../support/html";
import { call, getJson, ORIGIN } from "../support/worker";

const SLUG = "hostile-condition";
const TITLE = "Hostile </script><script>window.pwned('title')</script> condition";
const HTML_PAGES = [
  `/articles/${SLUG}`,
  `/embed/${SLUG}`,
  `/embed/${SLUG}?sections=injected-heading&theme=dark`,
  "/articles",
] as const;

const DANGEROUS_ELEMENTS = ["img", "svg", "iframe", "object", "embed", "b", "a[href^='javascript']", "base"];

function attributesOf(elements: ScannedElement[]): [string, string][] {
  return elements.flatMap((element) => Object.entries(element.attributes));
}

describe("injected content stays text", () => {
  it("is served verbatim in JSON", async () => {
    const article = await getJson<ArticleResource>(`/v1/articles/${SLUG}`);
    expect(article.title).toBe(TITLE);
    expect(article.disclaimer).toEqual(["</aside><script>window.pwned('disclaimer')</script>"]);
  });

  it("stays text in the Infobutton Atom feed: a real parser reads back the title, summary and rights verbatim", async () => {
    const article = await getJson<ArticleResource>(`/v1/articles/${SLUG}`);
    const response = await call(`/v1/infobutton?${new URLSearchParams({ "mainSearchCriteria.v.dn": TITLE })}`);
    expect(response.status).toBe(200);
    const feed = parseAtomFeed(await response.text());
    const [entry, ...others] = feed.entries ?? [];
    expect(others).toEqual([]);
    expect(entry?.title?.value).toBe(TITLE);
    expect(entry?.summary?.value).toBe(article.description);
    expect(entry?.rights?.value).toContain(article.attribution.text);
  });

  it.each(HTML_PAGES)("%s has no script, handler, javascript: link or element that content could add", async (path) => {
    const response = await call(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    const found = await scan(html, ["*", "script", "title", ...DANGEROUS_ELEMENTS]);
    for (const selector of DANGEROUS_ELEMENTS) expect(found[selector], selector).toEqual([]);
    const handlers = attributesOf(found["*"] ?? []).filter(([name]) => name.toLowerCase().startsWith("on"));
    expect(handlers).toEqual([]);
    const urls = attributesOf(found["*"] ?? []).filter(([name]) => ["href", "src", "action"].includes(name));
    for (const [, url] of urls) expect(url).toMatch(/^(https?:\/\/|#)/);
    // Only the service's own scripts: the JSON-LD block on pages, the height reporter in embeds.
    const scripts = found.script ?? [];
    if (path.startsWith("/embed/")) {
      expect(scripts).toEqual([{ attributes: {}, text: EMBED_HEIGHT_SCRIPT }]);
    } else if (path === "/articles") {
      expect(scripts).toEqual([]);
    } else {
      expect(scripts.map((script) => script.attributes)).toEqual([{ type: "application/ld+json" }]);
    }
    // Escaped, not stripped: the hostile title is still the page's title, as text.
    if (path !== "/articles") expect(found.title?.[0]?.text).toBe(TITLE);
  });

  it("keeps the JSON-LD inside the page inert and equal to /jsonld", async () => {
    const html = await (await call(`/articles/${SLUG}`)).text();
    const raw = html.match(/<script type="application\/ld\+json">([^<]*)<\/script>/)?.[1];
    expect(raw).toBeDefined();
    expect(raw).not.toMatch(/[<>]/);
    const served = await (await call(`/v1/articles/${SLUG}/jsonld`)).json();
    expect(JSON.parse(raw ?? "")).toEqual(served);
  });

  it("escapes Markdown so a renderer sees only text, headings, lists and the service's own links", async () => {
    const response = await call(`/v1/articles/${SLUG}`, { headers: { Accept: "text/markdown" } });
    const markdown = await response.text();
    const tree: Root = fromMarkdown(markdown);
    const nodes: RootContent[] = [];
    const walk = (node: Root | RootContent) => {
      if (node !== tree) nodes.push(node as RootContent);
      if ("children" in node) for (const child of node.children) walk(child);
    };
    walk(tree);
    expect(nodes.filter((node) => node.type === "html")).toEqual([]);
    expect(nodes.filter((node) => node.type === "emphasis" || node.type === "image")).toEqual([]);
    const links = nodes.flatMap((node) => (node.type === "link" ? [node.url] : []));
    for (const url of links) expect(url).toMatch(/^https:\/\//);
    expect(links).toContain(`${ORIGIN}/articles/${SLUG}`);
    // The text survives: the hostile heading is a heading whose text is the original characters.
    const headings = nodes.flatMap((node) => (node.type === "heading" ? [node] : []));
    expect(headings.map((heading) => heading.depth)).toEqual([1, 2, 2, 3]);
    expect(markdown).toContain("\\<img src=x onerror=window.pwned('heading')\\>");
  });

  it("escapes the oEmbed iframe's attributes", async () => {
    const body = await getJson<OEmbed>(`/oembed?url=${encodeURIComponent(`${ORIGIN}/articles/${SLUG}`)}`);
    expect(body.title).toBe(TITLE);
    const found = await scan(body.html, ["*"]);
    expect((found["*"] ?? []).map((element) => Object.keys(element.attributes).length > 0)).toEqual([true, true]);
    const iframe = (await scan(body.html, ["iframe"])).iframe?.[0];
    expect(iframe?.attributes.title).toBe(TITLE);
  });
});
