/**
 * /embed.js, for partner pages. It does two things:
 *
 * 1. Defines `<health-article slug="leg-cramps" sections="id,id" theme="light|dark" api="https://...">`,
 *    which fetches the article from the JSON API and renders it into Shadow DOM,
 *    so partner CSS cannot restyle it and its CSS cannot leak out. Attribution
 *    (with a link back), licence and disclaimer are always rendered, and so is
 *    the article's urgent care advice that the chosen sections do not show.
 *    Text is set with textContent, never parsed as HTML. Put a plain link
 *    inside the element: it is what readers see if this script never runs.
 * 2. Sizes every `/embed/` iframe from this service on the page to the height
 *    its document reports.
 *
 * Built by scripts/build-embed-script.ts and served by the Worker.
 */

import type { Block, ListItem, Section } from "../content/model";
import { SLUG } from "../content/slug";
import { URGENT_ADVICE_HEADING, urgentAdviceBlocks, urgentAdviceBoxes } from "../render/urgent-advice";
import { type Article, fetchArticle } from "./article-fetch";

const HEIGHT_MESSAGE = "health-article:height";

/** The origin this script was loaded from: the default API, and the only origin whose iframes are resized. */
const scriptOrigin = (() => {
  const script = document.currentScript;
  return script instanceof HTMLScriptElement && script.src ? new URL(script.src).origin : location.origin;
})();

const STYLES = `
:host{display:block;--text:#1b1b1b;--muted:#555;--bg:#fff;--accent:#005eb8;--rule:#d8dde0;--note:#f0f4f5;--urgent:#d5281b;--urgent-bg:#fdf1f0;color:var(--text);background:var(--bg);font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;overflow-wrap:anywhere}
:host([theme=dark]){--text:#e8e8e8;--muted:#aaa;--bg:#121212;--accent:#7fb2ff;--rule:#333;--note:#1e2326;--urgent:#ff8a7a;--urgent-bg:#2a1a19}
article{padding:1rem}
h1{font-size:1.5rem;line-height:1.2;margin:0 0 .75rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:1.25rem 0 .4rem}
h4,h5,h6{font-size:1rem;margin:1rem 0 .3rem}
p{margin:.5rem 0}
ul,ol{padding-left:1.25rem}
li{margin:.25rem 0}
a{color:var(--accent)}
.disclaimer{background:var(--note);border-left:4px solid var(--accent);padding:.5rem .75rem;margin:1.25rem 0 .75rem;font-size:.95rem}
.urgent-advice{background:var(--urgent-bg);border-left:4px solid var(--urgent);padding:.5rem .75rem;margin:1.25rem 0 .75rem;font-size:.95rem}
.urgent-advice h2{font-size:1.05rem;margin:.25rem 0 .4rem}
.attribution{border-top:1px solid var(--rule);padding-top:.5rem;font-size:.875rem;color:var(--muted)}
`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  // Only http(s) links from the API are rendered as links.
  return /^https?:\/\//.test(href) ? element("a", text, { href, rel: "noopener" }) : element("a", text);
}

function list(items: readonly ListItem[], ordered: boolean): HTMLElement {
  const container = element(ordered ? "ol" : "ul");
  for (const item of items) {
    const entry = element("li", item.text);
    if (item.items.length > 0) entry.append(list(item.items, false));
    container.append(entry);
  }
  return container;
}

function blocks(items: readonly Block[]): HTMLElement[] {
  return items.flatMap((block): HTMLElement[] => {
    if (block.type === "paragraph") return [element("p", block.text)];
    if (block.type === "list") return [list(block.items, block.ordered)];
    if (!block.image || !/^https?:\/\//.test(block.image)) return [];
    const figure = element("figure");
    figure.append(
      element("img", undefined, { src: block.image, alt: block.caption }),
      element("figcaption", block.caption),
    );
    return [figure];
  });
}

function section(item: Section, shift: number): HTMLElement {
  // The untitled opening text is a <div>: a <section> is for a titled part.
  const container = element(item.title ? "section" : "div", undefined, { id: item.id });
  if (item.title) {
    const heading = document.createElement(`h${Math.min(6, Math.max(2, item.level - shift))}`);
    heading.textContent = item.title;
    container.append(heading);
  }
  container.append(...blocks(item.blocks), ...item.sections.map((child) => section(child, shift)));
  return container;
}

/** The urgent advice box, or nothing when there is no advice to show. */
function urgentBox(advice: Article["urgentCareAdvice"]): HTMLElement[] {
  if (advice.length === 0) return [];
  const box = element("aside", undefined, { class: "urgent-advice", "aria-label": URGENT_ADVICE_HEADING });
  box.append(element("h2", URGENT_ADVICE_HEADING), ...advice.flatMap((item) => blocks(urgentAdviceBlocks(item))));
  return [box];
}

/** The article the API sent: the whole article (`whole`), or the sections asked for. */
function render(article: Article, whole: boolean): HTMLElement {
  const root = element("article", undefined, { lang: article.language });
  const heading = element("h1");
  heading.append(link(article.canonicalUrl, article.title));
  // An API deployment older than this script (an \`api\` attribute pointing elsewhere) sends none.
  const urgent = urgentAdviceBoxes(article.urgentCareAdvice ?? [], article.sections, whole);
  // Each shown section starts at <h2> under the title, whatever its depth in the article.
  root.append(
    heading,
    ...urgentBox(urgent.opening),
    ...article.sections.map((item) => section(item, item.level - 2)),
    ...urgentBox(urgent.closing),
  );

  const disclaimer = element("aside", undefined, { class: "disclaimer", "aria-label": "Disclaimer" });
  disclaimer.append(...article.disclaimer.map((line) => element("p", line)));

  const attribution = element("footer", undefined, { class: "attribution" });
  const credit = element("p", `${article.attribution.text} `);
  credit.append(link(article.attribution.url, "Read the full article"));
  const licence = element("p", "Licence: ");
  if (article.licence?.url) licence.append(link(article.licence.url, article.licence.name));
  else
    licence.append(article.licence?.name ?? "not stated by the publisher; ask the publisher before reusing this text.");
  attribution.append(credit, licence);
  root.append(disclaimer, attribution);
  return root;
}

class HealthArticle extends HTMLElement {
  static observedAttributes = ["slug", "sections", "theme", "api"];
  readonly #shadow = this.attachShadow({ mode: "open" });
  #request = 0;
  #scheduled = false;

  connectedCallback(): void {
    this.#schedule();
  }

  attributeChangedCallback(name: string, previous: string | null, value: string | null): void {
    // The theme is the stylesheet's (:host([theme=dark])): nothing to fetch again.
    if (name === "theme" || previous === value) return;
    if (this.isConnected) this.#schedule();
  }

  /**
   * One load for all that changed at once: an element upgraded with its
   * attributes set reports each of them, then its connection, in one go.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) void this.#load();
    });
  }

  #adoptStyles(): void {
    // Constructed stylesheets are not subject to the partner page's CSP; <style> is the fallback.
    if (
      "adoptedStyleSheets" in this.#shadow &&
      typeof CSSStyleSheet === "function" &&
      "replaceSync" in CSSStyleSheet.prototype
    ) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLES);
      this.#shadow.adoptedStyleSheets = [sheet];
    } else {
      this.#shadow.append(element("style", STYLES));
    }
  }

  async #load(): Promise<void> {
    const request = ++this.#request;
    const slug = this.getAttribute("slug") ?? "";
    const api = this.getAttribute("api") ?? scriptOrigin;
    const sections = this.getAttribute("sections");
    this.#shadow.replaceChildren();
    this.#adoptStyles();
    let url: URL;
    try {
      if (!SLUG.test(slug)) throw new Error(`invalid slug "${slug}"`);
      url = new URL(`/v1/articles/${slug}`, api);
      if (sections) url.searchParams.set("sections", sections);
    } catch {
      this.#fail(api, slug);
      return;
    }
    this.#shadow.append(element("p", "Loading…", { role: "status" }));
    try {
      const article = await fetchArticle(url);
      // A newer request (changed attributes) wins.
      if (request !== this.#request) return;
      this.#shadow.replaceChildren();
      this.#adoptStyles();
      // Without \`sections\`, the API sent the whole article.
      this.#shadow.append(render(article, !sections));
    } catch {
      if (request === this.#request) this.#fail(api, slug);
    }
  }

  /** Without the article, still send the reader to it. */
  #fail(api: string, slug: string): void {
    this.#shadow.replaceChildren();
    this.#adoptStyles();
    const note = element("p", "This article could not be loaded here. ");
    if (SLUG.test(slug)) {
      try {
        note.append(link(new URL(`/articles/${slug}`, api).href, "Read it on the publisher’s page."));
      } catch {
        // An unusable api attribute leaves only the note.
      }
    }
    const wrapper = element("article");
    wrapper.append(note);
    this.#shadow.append(wrapper);
  }
}

/** Resizes our /embed/ iframes on this page to the height their documents report. */
function onHeightMessage(event: MessageEvent): void {
  if (event.origin !== scriptOrigin) return;
  const data: unknown = event.data;
  if (typeof data !== "object" || data === null || !("type" in data) || !("height" in data)) return;
  const { type, height } = data;
  if (type !== HEIGHT_MESSAGE || typeof height !== "number" || !Number.isFinite(height)) return;
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === event.source)
      frame.style.height = `${Math.max(0, Math.min(Math.ceil(height), 100_000))}px`;
  }
}

// The script may be included once per embed: set everything up only once.
if (!customElements.get("health-article")) {
  customElements.define("health-article", HealthArticle);
  addEventListener("message", onHeightMessage);
}
