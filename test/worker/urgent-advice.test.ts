/**
 * Urgent care advice travels with every fragment a partner may show on its
 * own: a section, a selection (JSON and Markdown) and the embed page carry
 * the article's urgent advice in the publisher's words, and the renderers
 * add what the chosen sections do not already show. The sections chosen are
 * read from the article (test/support/subject.ts).
 */
import { describe, expect, it } from "vitest";
import type { ArticleResource, ConditionResource, SectionResource } from "../../src/api/schemas";
import { scan } from "../support/html";
import { inFaq, SUBJECT, within } from "../support/subject";
import { call, getJson } from "../support/worker";

const { slug, page: PAGE } = SUBJECT;
const HEADING = "When to get urgent help";

/** The article's urgent advice, as the facts give it. */
async function urgentAdvice() {
  const { facts } = await getJson<ConditionResource>(`/v1/conditions/${slug}`);
  const advice = facts.careAdvice.filter((entry) => entry.urgency === "urgent");
  expect(advice.map((entry) => entry.id)).toEqual(
    SUBJECT.facts.careAdvice.filter((entry) => entry.urgency === "urgent").map((entry) => entry.id),
  );
  expect(advice.length).toBeGreaterThan(0);
  return advice;
}

const URGENT = SUBJECT.facts.careAdvice.filter((entry) => entry.urgency === "urgent");
/** A titled section outside the FAQ that shows none of the urgent advice: the last. */
const ELSEWHERE = [...SUBJECT.sections]
  .reverse()
  .find(
    (located) =>
      located.section.title !== null &&
      !inFaq(located) &&
      URGENT.every((advice) => !within(SUBJECT.section(advice.section), located)),
  );
if (!ELSEWHERE) throw new Error(`${slug} has no section apart from its urgent advice`);
const CHOSEN = ELSEWHERE.section;
/** The section that gives the first urgent advice. */
const ADVICE_SECTION = SUBJECT.section(URGENT[0]?.section ?? "");

/** Every text of the advice, in reading order. */
function adviceTexts(advice: Awaited<ReturnType<typeof urgentAdvice>>): string[] {
  return advice.flatMap((entry) => [
    entry.quote,
    ...entry.when.flatMap((condition) => [condition.text, ...(condition.includes ?? [])]),
  ]);
}

async function text(path: string, accept: string): Promise<string> {
  const response = await call(path, { headers: { Accept: accept } });
  expect(response.status).toBe(200);
  return response.text();
}

describe("urgent care advice with a fragment", () => {
  it("is in the JSON of one section, with a link to where the article gives it", async () => {
    const advice = await urgentAdvice();
    const body = await getJson<SectionResource>(`/v1/articles/${slug}/sections/${CHOSEN.id}`);
    expect(body.urgentCareAdvice).toEqual(advice.map((entry) => ({ ...entry, url: `${PAGE}#${entry.section}` })));
  });

  it("is in the JSON of a selection and of the whole article", async () => {
    const advice = await urgentAdvice();
    for (const query of [`?sections=${CHOSEN.id}`, ""]) {
      const body = await getJson<ArticleResource>(`${SUBJECT.path}${query}`);
      expect(
        body.urgentCareAdvice.map((entry) => entry.quote),
        query,
      ).toEqual(advice.map((entry) => entry.quote));
    }
  });

  it("is added to the Markdown of a selection that does not show it, before the disclaimer", async () => {
    const texts = adviceTexts(await urgentAdvice());
    const selection = await text(`${SUBJECT.path}?sections=${CHOSEN.id}`, "text/markdown");
    const box = selection.indexOf(`> **${HEADING}**`);
    const heading = selection.indexOf(`\n## ${CHOSEN.title}\n`);
    expect(heading).toBeGreaterThan(0);
    expect(box).toBeGreaterThan(heading);
    for (const line of texts) expect(selection.indexOf(line, box)).toBeGreaterThan(box);
  });

  it("is a marked box on the embed page of a selection, in the publisher's words", async () => {
    const texts = adviceTexts(await urgentAdvice());
    const html = await text(`/embed/${slug}?sections=${CHOSEN.id}`, "text/html");
    const found = await scan(html, [
      "aside.urgent-advice",
      "aside.urgent-advice h2",
      "aside.urgent-advice p",
      "aside.urgent-advice li",
    ]);
    expect(found["aside.urgent-advice"]?.[0]?.attributes["aria-label"]).toBe(HEADING);
    expect(found["aside.urgent-advice h2"]?.map((heading) => heading.text)).toEqual([HEADING]);
    const shown = [...(found["aside.urgent-advice p"] ?? []), ...(found["aside.urgent-advice li"] ?? [])].map(
      (element) => element.text,
    );
    for (const line of texts)
      expect(
        shown.some((item) => item.startsWith(line)),
        line,
      ).toBe(true);
    // Before the disclaimer and the attribution.
    expect(html.indexOf("urgent-advice")).toBeLessThan(html.indexOf('class="disclaimer"'));
  });

  it("adds only what the chosen sections leave out", async () => {
    const html = await text(`/embed/${slug}?sections=${ADVICE_SECTION.section.id}`, "text/html");
    const found = await scan(html, ["aside.urgent-advice p"]);
    const leftOut = URGENT.filter((advice) => !within(SUBJECT.section(advice.section), ADVICE_SECTION));
    expect(found["aside.urgent-advice p"]?.map((paragraph) => paragraph.text) ?? []).toEqual(
      leftOut.map((advice) => advice.quote),
    );
  });
});

describe("urgent help opening every whole-article form", () => {
  /** Every urgent advice text of an article, from its facts. */
  async function urgentTexts(slug: string): Promise<string[]> {
    const { facts } = await getJson<ConditionResource>(`/v1/conditions/${slug}`);
    const texts = adviceTexts(facts.careAdvice.filter((entry) => entry.urgency === "urgent"));
    expect(texts.length).toBeGreaterThan(0);
    return texts;
  }

  /** The box's texts and where it and the first section start, in an HTML page. */
  async function boxIn(html: string) {
    const found = await scan(html, ["aside.urgent-advice", "aside.urgent-advice p", "aside.urgent-advice li"]);
    const shown = [...(found["aside.urgent-advice p"] ?? []), ...(found["aside.urgent-advice li"] ?? [])];
    return {
      boxes: found["aside.urgent-advice"]?.length,
      texts: shown.map((element) => element.text),
      box: html.indexOf('class="urgent-advice"'),
      firstSection: html.search(/<(?:section|div) id="/),
    };
  }

  it.each([
    ["the page", `/articles/${slug}`],
    ["the whole-article embed", `/embed/${slug}`],
  ])("%s opens with the box, in the publisher's words, before the article's text", async (_, path) => {
    const texts = await urgentTexts(slug);
    const html = await text(path, "text/html");
    const { boxes, texts: shown, box, firstSection } = await boxIn(html);
    expect(boxes).toBe(1);
    expect(box).toBeGreaterThan(html.indexOf("<h1"));
    expect(box).toBeLessThan(firstSection);
    for (const line of texts) {
      expect(
        shown.some((item) => item.startsWith(line)),
        line,
      ).toBe(true);
      // ...and the text stays in its own place too.
      expect(html.indexOf(line, box + 1 + html.slice(box).indexOf("</aside>")), line).toBeGreaterThan(box);
    }
  });

  it("opens the whole article's Markdown, after the title, and keeps the text in its own place", async () => {
    const texts = await urgentTexts(slug);
    const markdown = await text(SUBJECT.path, "text/markdown");
    const box = markdown.indexOf(`> **${HEADING}**`);
    const firstSection = markdown.indexOf("\n## ");
    expect(box).toBeGreaterThan(markdown.indexOf(`# ${SUBJECT.title}\n`));
    expect(box).toBeLessThan(firstSection);
    for (const line of texts) {
      expect(markdown.indexOf(line, box), line).toBeLessThan(firstSection);
      expect(markdown.indexOf(line, firstSection), line).toBeGreaterThan(firstSection);
    }
  });
});
