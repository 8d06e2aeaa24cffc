import { describe, expect, it } from "vitest";
import type { ListItem } from "../../src/content/model";
import { DEEPEST, DEEPEST_TOP, LATER, SUBJECT } from "../support/subject";
import { call, getProblem } from "../support/worker";

/** The article, its sections and its credits are read from the library (test/support/subject.ts). */
const { article, page: PAGE } = SUBJECT;
const ARTICLE = SUBJECT.path;

describe("content negotiation", () => {
  it.each([
    [undefined, "application/json; charset=utf-8"],
    ["*/*", "application/json; charset=utf-8"],
    ["application/*", "application/json; charset=utf-8"],
    ["application/ld+json", "application/ld+json; charset=utf-8"],
    ["text/markdown", "text/markdown; charset=utf-8"],
    ["text/*", "text/markdown; charset=utf-8"],
    ["application/ld+json;q=0.5, text/markdown", "text/markdown; charset=utf-8"],
    ["application/json;q=0.1, application/ld+json;q=0.9", "application/ld+json; charset=utf-8"],
    ["text/html, */*;q=0.1", "application/json; charset=utf-8"],
  ])("serves the article for Accept: %s as %s", async (accept, type) => {
    const response = await call(ARTICLE, accept ? { headers: { Accept: accept } } : {});
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(type);
    expect(response.headers.get("Vary")).toBe("Accept");
  });

  it.each([
    [ARTICLE, "image/png"],
    [ARTICLE, "application/json;q=0"],
    ["/v1/articles", "text/markdown"],
    [`/v1/conditions/${SUBJECT.slug}`, "text/html"],
    [`${ARTICLE}/jsonld`, "application/json"],
    [`/articles/${SUBJECT.slug}`, "application/json"],
  ])("answers %s with Accept: %s by 406 problem+json listing what it can serve", async (path, accept) => {
    const problem = await getProblem(path, 406, { headers: { Accept: accept } });
    expect(problem.type).toBe("/problems/not-acceptable");
    expect(problem.detail).toMatch(/^This resource can be served as: /);
  });
});

describe("the article as Markdown", () => {
  async function markdown(path = ARTICLE): Promise<string> {
    const response = await call(path, { headers: { Accept: "text/markdown" } });
    expect(response.status).toBe(200);
    return response.text();
  }

  it("has the title, headings at their levels, nested lists and the FAQ", async () => {
    const text = await markdown();
    expect(text.startsWith(`# ${article.title}\n\n`)).toBe(true);
    // Every heading, the FAQ's questions among them, at its level.
    for (const { section } of SUBJECT.sections) {
      if (section.title) expect(text).toContain(`\n${"#".repeat(section.level)} ${section.title}\n`);
    }
    // Every list item that holds a list, with its first item indented under it.
    const nesting = (items: ListItem[]): [string, string][] =>
      items.flatMap((item) => [
        ...(item.items[0] ? [[item.text, item.items[0].text] as [string, string]] : []),
        ...nesting(item.items),
      ]);
    for (const { section } of SUBJECT.sections) {
      for (const block of section.blocks) {
        if (block.type !== "list") continue;
        for (const [outer, inner] of nesting(block.items)) expect(text).toContain(`- ${outer}\n  - ${inner}\n`);
      }
    }
  });

  it("ends with the disclaimer, attribution, licence and credits", async () => {
    const text = await markdown();
    for (const line of article.disclaimer) expect(text).toContain(`> ${line}`);
    expect(text).toContain(`${article.attribution} [Read the full article](<${PAGE}>)`);
    if (article.licence === null) expect(text).toContain("Licence: not stated by the publisher");
    for (const editor of article.editors) {
      expect(text).toContain(`**${editor.name}**${editor.jobTitle ? `, ${editor.jobTitle}` : ""}`);
    }
  });

  it("narrows to chosen sections like the JSON", async () => {
    const text = await markdown(`${ARTICLE}?sections=${DEEPEST.section.id}`);
    const heading = ({ section }: typeof DEEPEST) => new RegExp(`^#+ ${section.title}$`, "m");
    // The chosen section is `##` under the title's `#`, as in an embed of it, whatever its depth in the article.
    expect(text).toContain(`\n## ${DEEPEST.section.title}\n`);
    expect(text).not.toMatch(heading(DEEPEST_TOP));
    expect(text).not.toMatch(heading(LATER));
    expect(text).toContain("Read the full article");
    // Its credits name the authors and editors, without the biographies the whole article carries.
    for (const person of [...article.authors, ...article.editors]) {
      expect(text).toContain(`**${person.name}**`);
      for (const line of person.about ?? []) expect(text).not.toContain(line.slice(0, 60));
    }
  });
});

describe("methods", () => {
  it.each(["/", "/v1/articles", `${ARTICLE}/jsonld`, `/articles/${SUBJECT.slug}`, "/sitemap.xml"])(
    "answers POST %s with 405, Allow and problem+json",
    async (path) => {
      const response = await call(path, { method: "POST", body: "{}" });
      expect(response.status).toBe(405);
      expect(response.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
      expect(response.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
    },
  );
});
