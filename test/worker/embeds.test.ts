import { describe, expect, it } from "vitest";
import type { ArticleResource, OEmbed } from "../../src/api/schemas";
import { decodeEntities, scan } from "../support/html";
import { DEEPEST, QUESTION, SIBLINGS, SUBJECT } from "../support/subject";
import { call, getJson, getProblem, ORIGIN } from "../support/worker";

/** A client that takes the page but prefers its errors as problem+json. */
const PROBLEM_FIRST = "application/problem+json, text/html;q=0.1";

/** The article embedded, and the sections chosen, are read from the library (test/support/subject.ts). */
const { slug, article, page: PAGE } = SUBJECT;

async function embed(query = ""): Promise<{ response: Response; html: string }> {
  const response = await call(`/embed/${slug}${query}`);
  expect(response.status).toBe(200);
  return { response, html: await response.text() };
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest));
}

describe("GET /embed/{slug}", () => {
  it("is a self-contained page: its only style and script are allowed by hash, nothing is fetched", async () => {
    const { response, html } = await embed();
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    const style = decodeEntities(html.match(/<style>([^<]*)<\/style>/)?.[1] ?? "");
    const script = html.match(/<script>([^<]*)<\/script>/)?.[1] ?? "";
    expect(csp).toContain(`style-src 'sha256-${await sha256(style)}'`);
    expect(csp).toContain(`script-src 'sha256-${await sha256(script)}'`);
    expect(csp).toContain("default-src 'none'");
    // It may connect nowhere; images only over https, for an article's own illustrations.
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("img-src 'self' https: data:");
    // No src or href that would load anything: links only navigate.
    const found = await scan(html, ["[src]", "link[rel=stylesheet]", "script[src]", "img"]);
    expect(Object.values(found).flat()).toEqual([]);
  });

  it("may be framed by any site, unlike every other page, and is kept out of search indexes", async () => {
    const { response, html } = await embed();
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors *");
    expect(response.headers.get("X-Frame-Options")).toBeNull();
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
    const found = await scan(html, ["link[rel=canonical]"]);
    expect(found["link[rel=canonical]"]?.[0]?.attributes.href).toBe(PAGE);
  });

  it("always shows the attribution with a link back in the top window, the licence and the disclaimer", async () => {
    const served = await getJson<ArticleResource>(SUBJECT.path);
    const question = QUESTION ?? DEEPEST;
    for (const query of ["", `?sections=${DEEPEST.section.id}`, `?sections=${question.section.id}&theme=dark`]) {
      const { html } = await embed(query);
      const found = await scan(html, ["footer.attribution a", "footer.attribution p", "aside.disclaimer p"]);
      expect(found["footer.attribution a"]?.[0]?.attributes).toMatchObject({ href: PAGE, target: "_top" });
      const footer = found["footer.attribution p"]?.map((p) => p.text) ?? [];
      expect(footer[0]).toContain(served.attribution.text);
      expect(footer[1]).toContain(
        article.licence ? `Licence: ${article.licence.name}` : "Licence: not stated by the publisher",
      );
      expect(found["aside.disclaimer p"]?.map((p) => p.text)).toEqual(served.disclaimer);
    }
  });

  it("shows only the chosen sections, with headings starting at h2", async () => {
    // Sections at the article's greatest depth, side by side.
    const { html } = await embed(`?sections=${SIBLINGS.map((section) => section.id).join(",")}`);
    const found = await scan(html, ["section[id]", "section h2", `h${DEEPEST.section.level}`]);
    expect(found["section[id]"]?.map((section) => section.attributes.id)).toEqual(
      SIBLINGS.map((section) => section.id),
    );
    expect(found["section h2"]?.map((heading) => heading.text)).toEqual(SIBLINGS.map((section) => section.title));
    expect(found[`h${DEEPEST.section.level}`]).toEqual([]);
  });

  it("reports its height to the parent page", async () => {
    const { html } = await embed();
    const script = html.match(/<script>([^<]*)<\/script>/)?.[1] ?? "";
    expect(script).toContain('parent.postMessage({type:"health-article:height",height:h},"*")');
    expect(script).toContain("ResizeObserver");
  });

  it.each([
    ["light", 'data-theme="light"'],
    ["dark", 'data-theme="dark"'],
  ])("takes theme=%s", async (theme, attribute) => {
    const { html } = await embed(`?theme=${theme}`);
    expect(html).toContain(attribute);
  });

  it.each([
    ["?theme=blue", "theme", "must be light or dark"],
    ["?theme=light&theme=dark", "theme", "must be given only once"],
    ["?sections=nope", "sections", `unknown section id(s) in "${slug}": nope`],
  ])("refuses %s with 400 naming %s, to a client preferring problem+json", async (query, name, detail) => {
    const problem = await getProblem(`/embed/${slug}${query}`, 400, { headers: { Accept: PROBLEM_FIRST } });
    expect(problem.errors).toEqual([{ in: "query", name, detail }]);
  });

  it("answers 404 for an unknown article, to a client preferring problem+json", async () => {
    await getProblem("/embed/no-such-article", 404, { headers: { Accept: PROBLEM_FIRST } });
  });

  it("shows an iframe a readable error page, framable anywhere like the embed, with the way to the article", async () => {
    // What a browser sends for an iframe's document.
    const accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    const response = await call(`/embed/${slug}?sections=typo`, { headers: { Accept: accept } });
    expect(response.status).toBe(400);
    expect(response.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors *");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const found = await scan(await response.text(), ["h1", "main p", "a"]);
    expect(found.h1?.map((heading) => heading.text)).toEqual(["400 Invalid parameters"]);
    expect(found["main p"]?.[0]?.text).toBe("Invalid value for: sections.");
    expect(found.a?.map((link) => [link.attributes.href, link.attributes.target])).toEqual([
      [PAGE, "_top"],
      [`${ORIGIN}/articles`, "_top"],
    ]);
  });
});

describe("GET /embed.js", () => {
  it("is a small, cacheable script defining <health-article>", async () => {
    const response = await call("/embed.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("ETag")).toMatch(/^"/);
    expect(response.headers.get("Cache-Control")).toContain("s-maxage=");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Cross-Origin-Resource-Policy")).toBe("cross-origin");
    const script = await response.text();
    expect(script).toContain('customElements.define("health-article"');
    // Rendering uses textContent, never HTML parsing.
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const gzipped = await new Response(
      new Blob([script]).stream().pipeThrough(new CompressionStream("gzip")),
    ).arrayBuffer();
    expect(gzipped.byteLength).toBeLessThan(4 * 1024);
  });
});

describe("GET /oembed", () => {
  const oembed = (params: Record<string, string>) => `/oembed?${new URLSearchParams(params)}`;

  it("answers a rich oEmbed with an iframe of the embed page", async () => {
    const body = await getJson<OEmbed>(oembed({ url: PAGE, format: "json" }));
    expect(body).toMatchObject({
      version: "1.0",
      type: "rich",
      width: 600,
      height: 800,
      title: article.title,
      // This service, as the page's og:site_name names it; the embed credits the publisher.
      provider_name: "Health content API",
      provider_url: `${ORIGIN}/`,
      author_name: article.authors.map((author) => author.name).join(", "),
      cache_age: 3600,
    });
    // A URL only where the content gives the author one.
    const [author] = article.authors;
    if (author && "url" in author && author.url) expect(body.author_url).toBe(author.url);
    else expect(body).not.toHaveProperty("author_url");
    const found = await scan(body.html, ["iframe", "script"]);
    expect(found.iframe?.[0]?.attributes).toMatchObject({
      src: `${ORIGIN}/embed/${slug}`,
      width: "600",
      height: "800",
      title: article.title,
    });
    expect(found.script?.[0]?.attributes.src).toBe(`${ORIGIN}/embed.js`);
  });

  it("embeds the section a URL's fragment names", async () => {
    const { id, title } = DEEPEST.section;
    const body = await getJson<OEmbed>(oembed({ url: `${PAGE}#${id}` }));
    expect(body.title).toBe(`${title} — ${article.title}`);
    expect(body.html).toContain(`src="${ORIGIN}/embed/${slug}?sections=${id}"`);
  });

  it("respects maxwidth and maxheight", async () => {
    const body = await getJson<OEmbed>(oembed({ url: PAGE, maxwidth: "320", maxheight: "480" }));
    expect([body.width, body.height]).toEqual([320, 480]);
    expect(body.html).toContain('width="320" height="480"');
    const roomy = await getJson<OEmbed>(oembed({ url: PAGE, maxwidth: "2000" }));
    expect(roomy.width).toBe(600);
  });

  it.each(["xml", "yaml", "jsonp"])("answers format=%s with 501, as the specification asks", async (format) => {
    const problem = await getProblem(oembed({ url: PAGE, format }), 501);
    expect(problem.type).toBe("/problems/not-implemented");
  });

  it.each([
    `${ORIGIN}/articles/no-such-article`,
    `${PAGE}#no-such-section`,
    `${ORIGIN}/v1/articles/${slug}`,
    `https://elsewhere.example/articles/${slug}`,
  ])("answers 404 for %s", async (url) => {
    await getProblem(oembed({ url }), 404);
  });

  it.each([
    [{}, "url", "is required"],
    [{ url: "not a url" }, "url", "must be the http(s) URL of an article page, optionally with a #section"],
    [{ url: "javascript:alert(1)" }, "url", "must be the http(s) URL of an article page, optionally with a #section"],
    [{ url: PAGE, format: "<json>" }, "format", "must be a format name such as json"],
    [{ url: PAGE, maxwidth: "0" }, "maxwidth", "must be a whole number from 1 to 10000"],
    [{ url: PAGE, maxheight: "-5" }, "maxheight", "must be a whole number from 1 to 10000"],
    [{ url: PAGE, maxwidth: "wide" }, "maxwidth", "must be a whole number from 1 to 10000"],
  ])("answers %j with 400 naming %s", async (params, name, detail) => {
    const problem = await getProblem(oembed(params), 400);
    expect(problem.errors).toEqual([{ in: "query", name, detail }]);
  });
});
