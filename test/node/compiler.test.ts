/**
 * The content compiler: the real content compiles, and each kind of bad
 * content is refused with the exact `file:line: message` an author needs.
 * Each broken case is the valid test content with one edit.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileLibrary } from "../../scripts/content/compile-library";
import { ContentErrors } from "../../scripts/content/content-error";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");
const ARTICLE = "content/sample-condition/article.md";
const FACTS = "content/sample-condition/facts.yaml";

describe("compiling the real content", () => {
  it("compiles content/ into one article with its sections, FAQ and facts", () => {
    const library = compileLibrary(join(import.meta.dirname, "../../content"));
    expect(library.entries).toHaveLength(1);
    const [entry] = library.entries;
    expect(entry?.article.slug).toBe("leg-cramps");
    expect(entry?.article.faq).toHaveLength(12);
    expect(entry?.facts.drugTherapies[0]?.id).toBe("quinine");
  });

  it("is deterministic: the same content gives the same hashes", () => {
    const once = compileLibrary(FIXTURES);
    const twice = compileLibrary(FIXTURES);
    expect(twice).toEqual(once);
  });
});

describe("refusing broken content", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "content-"));
    cpSync(FIXTURES, join(root, "content"), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Replaces `find` (which must occur) in a file of the temporary content tree. */
  function edit(file: string, find: string, replace: string): string {
    const path = join(root, file);
    const text = readFileSync(path, "utf8");
    expect(text, `${file} contains ${JSON.stringify(find)}`).toContain(find);
    const edited = text.replace(find, replace);
    writeFileSync(path, edited);
    return edited;
  }

  /** 1-based line of the first line containing `needle`. */
  function lineOf(text: string, needle: string): number {
    return text.split("\n").findIndex((line) => line.includes(needle)) + 1;
  }

  function problems(): string[] {
    try {
      compileLibrary(join(root, "content"), root);
    } catch (error) {
      if (error instanceof ContentErrors) return error.errors.map((problem) => problem.message);
      throw error;
    }
    throw new Error("the broken content compiled");
  }

  it("refuses an unknown front-matter field", () => {
    const text = edit(ARTICLE, "language: en-GB\n", "language: en-GB\ncolour: blue\n");
    expect(problems()).toEqual([`${ARTICLE}:${lineOf(text, "colour")}: unknown field "colour"`]);
  });

  it("refuses an unknown fact field", () => {
    const text = edit(FACTS, "    name: An item\n", "    name: An item\n    severity: high\n");
    expect(problems()).toEqual([`${FACTS}:${lineOf(text, "severity")}: unknown field "severity"`]);
  });

  it("refuses an article without a title", () => {
    edit(ARTICLE, "title: Sample condition\n", "");
    expect(problems()).toEqual([`${ARTICLE}:2: missing field "title"`]);
  });

  it("refuses a duplicate section id", () => {
    const text = edit(ARTICLE, "### A subtopic", "### First topic");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "### First topic")}: duplicate section id "first-topic" (first used on line ${lineOf(text, "## First topic")})`,
    ]);
  });

  it("refuses a duplicate section id given explicitly", () => {
    const text = edit(ARTICLE, "### Is this a question?", "### Is this a question? {#first-topic}");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "{#first-topic}")}: duplicate section id "first-topic" (first used on line ${lineOf(text, "## First topic")})`,
      // The refused heading was the FAQ's only question.
      `${ARTICLE}:${lineOf(text, "faqSection")}: faqSection "questions" has no questions`,
    ]);
  });

  it("refuses a fact that points at a missing section", () => {
    const text = edit(FACTS, "section: first-topic", "section: no-such-section");
    expect(problems()).toEqual([
      `${FACTS}:${lineOf(text, "no-such-section")}: fact "an-item" points at missing section "no-such-section"`,
    ]);
  });

  it("refuses a fact whose quote is not in its section", () => {
    const text = edit(FACTS, "quote: An item", "quote: An invented item");
    expect(problems()).toEqual([
      `${FACTS}:${lineOf(text, "An invented item")}: quote not found in section "first-topic": "An invented item"`,
    ]);
  });

  it("refuses a quote that cuts a list item out of its section", () => {
    const text = edit(FACTS, "quote: An item", "quote: Another");
    expect(problems()).toEqual([
      `${FACTS}:${lineOf(text, "quote: Another")}: quote cuts a sentence or list item of section "first-topic": "Another"`,
    ]);
  });

  it("refuses a quote that cuts a sentence, wherever the fact sits", () => {
    const text = edit(
      FACTS,
      "    quote: An item\n",
      "    quote: An item\n    caveats:\n      - section: first-topic\n        quote: A paragraph in the first\n",
    );
    expect(problems()).toEqual([
      `${FACTS}:${lineOf(text, "A paragraph in the first")}: quote cuts a sentence or list item of section "first-topic": "A paragraph in the first"`,
    ]);
  });

  it("refuses a qualifier that leads to care advice the facts do not give", () => {
    const text = edit(FACTS, "    quote: An item\n", "    quote: An item\n    careAdvice: no-such-advice\n");
    expect(problems()).toEqual([`${FACTS}:${lineOf(text, "no-such-advice")}: unknown care advice "no-such-advice"`]);
  });

  it("refuses a health aspect for a section the article does not have", () => {
    const text = edit(FACTS, "symptoms:\n", "sectionAspects:\n  no-such-section: [overview]\nsymptoms:\n");
    expect(problems()).toEqual([
      `${FACTS}:${lineOf(text, "no-such-section")}: sectionAspects names missing section "no-such-section"`,
    ]);
  });

  it("refuses a health aspect schema.org does not have", () => {
    const text = edit(FACTS, "symptoms:\n", "sectionAspects:\n  first-topic: [weather]\nsymptoms:\n");
    const [problem] = problems();
    expect(problem).toMatch(new RegExp(`^${FACTS}:${lineOf(text, "weather")}: sectionAspects\\.first-topic\\.0: `));
    expect(problem).toContain('"see-doctor"');
  });

  describe("relations no stronger than their sentences", () => {
    /** Rewords the sample list item the symptom quotes, in the article and the quote alike. */
    const reword = (item: string) => {
      edit(ARTICLE, "- An item\n", `- ${item}\n`);
      return edit(FACTS, "    quote: An item\n", `    quote: ${item}\n`);
    };
    const compiledSymptom = () =>
      compileLibrary(join(root, "content"), root).entries.find((entry) => entry.article.slug === "sample-condition")
        ?.facts.symptoms[0];
    const at = (text: string, needle = "modality: affirmed") =>
      `${FACTS}:${lineOf(text, needle)}: relation "an-item": `;

    it("refuses a hedge the modality does not declare, and compiles it as possible", () => {
      const text = reword("An item may come first");
      expect(problems()).toEqual([
        `${at(text)}"may" is a hedge: declare modality possible, or say in notModal why it qualifies nothing here`,
      ]);
      edit(FACTS, "modality: affirmed", "modality: possible");
      expect(compiledSymptom()?.modality).toBe("possible");
    });

    it("reads a list item with the sentence that introduces its list, and serves that sentence", () => {
      const text = edit(ARTICLE, "A paragraph in the first topic.", "Things that can come first include:");
      expect(text).toContain("Things that can come first include:\n\n- An item\n");
      const facts = readFileSync(join(root, FACTS), "utf8");
      expect(problems()).toEqual([
        `${at(facts)}"can" is a hedge: declare modality possible, or say in notModal why it qualifies nothing here`,
      ]);
      edit(FACTS, "modality: affirmed", "modality: possible");
      expect(compiledSymptom()?.introducedBy).toEqual([
        { section: "first-topic", quote: "Things that can come first include:" },
      ]);
    });

    it("refuses a past tense unless the relation is historical", () => {
      const text = reword("An item was once first");
      expect(problems()).toEqual([
        `${at(text)}"was" is a past tense: declare modality historical, or say in notModal why it qualifies nothing here`,
      ]);
      edit(FACTS, "modality: affirmed", "modality: historical");
      expect(compiledSymptom()?.modality).toBe("historical");
    });

    it("refuses a condition that neither a scope nor the label carries", () => {
      const text = reword("An item if it rains");
      expect(problems()).toEqual([
        `${at(text)}"if" sets a condition: give the relation a scope or say it in its label, or say in notModal why it qualifies nothing here`,
      ]);
      edit(FACTS, "    name: An item\n", "    name: An item, if it rains\n");
      expect(compiledSymptom()?.name).toBe("An item, if it rains");
    });

    it("refuses a negation the label does not carry", () => {
      const text = reword("An item is not first");
      expect(problems()).toEqual([
        `${at(text)}"not" is a negation its label does not carry, or say in notModal why it qualifies nothing here`,
      ]);
    });

    it("refuses a label that adds a condition the sentence does not have", () => {
      const text = edit(FACTS, "    name: An item\n", "    name: An item, especially at night\n");
      expect(problems()).toEqual([
        `${at(text)}its label adds a condition its sentences do not have: "An item, especially at night"`,
      ]);
    });

    it("refuses a modality its words do not carry", () => {
      const text = edit(FACTS, "modality: affirmed", "modality: possible");
      expect(problems()).toEqual([
        `${at(text, "modality: possible")}modality possible, but none of its sentences hedges it (may, can, usually...)`,
      ]);
      edit(FACTS, "modality: possible", "modality: theory");
      expect(problems()).toEqual([
        `${at(text, "modality: possible")}modality theory needs the publisher's sentence that says so, as evidence`,
      ]);
    });

    it("refuses a note on a word the sentence does not hold, and one it does not need", () => {
      const text = edit(FACTS, "modality: affirmed\n", "modality: affirmed\n    notModal:\n      may: Not here.\n");
      expect(problems()).toEqual([`${at(text)}notModal names "may", which its sentences do not hold`]);
    });

    it("takes an explained word as qualifying nothing", () => {
      reword("An item may come first");
      edit(FACTS, "modality: affirmed\n", "modality: affirmed\n    notModal:\n      may: The test says why.\n");
      expect(compiledSymptom()?.notModal).toEqual({ may: "The test says why." });
    });

    it("refuses lead-ins written by hand: they are read from the article", () => {
      const text = edit(
        FACTS,
        "modality: affirmed\n",
        "modality: affirmed\n    introducedBy:\n      - section: first-topic\n        quote: A paragraph in the first topic.\n",
      );
      expect(problems()).toEqual([
        `${FACTS}:${lineOf(text, "introducedBy")}: introducedBy is read from the article: leave it out`,
      ]);
    });
  });

  describe("code mappings (codes.yaml)", () => {
    const CODES = "content/sample-condition/codes.yaml";
    const mapping = (system: string, code: string) =>
      `  - system: ${system}\n    code: "${code}"\n    display: A display\n    release: Test release\n    mappedBy: Tests\n    rationale: Because.\n    relationship: related-to\n    source: { title: A test source, url: "https://source.example/codes" }\n`;
    const write = (text: string) => {
      writeFileSync(join(root, CODES), text);
      return text;
    };

    it("compiles valid mappings with each system's OID and URI", () => {
      write(
        `mappings:\n${mapping("ICD-10-CM", "R25.2")}${mapping("SNOMED CT", "73211009")}${mapping("LOINC", "2345-7")}`,
      );
      const library = compileLibrary(join(root, "content"), root);
      const entry = library.entries.find((candidate) => candidate.article.slug === "sample-condition");
      expect(entry?.article.codeMappings.map((code) => [code.system.name, code.system.oid, code.code])).toEqual([
        ["ICD-10-CM", "2.16.840.1.113883.6.90", "R25.2"],
        ["SNOMED CT", "2.16.840.1.113883.6.96", "73211009"],
        ["LOINC", "2.16.840.1.113883.6.1", "2345-7"],
      ]);
    });

    it.each([
      ["ICD-10-CM", "R252", "ICD-10-CM", "R25.2"],
      ["SNOMED CT", "73211008", "SNOMED CT", "73211009"],
      ["LOINC", "2345-6", "LOINC", "2345-7"],
      ["RxNorm", "09071", "RxNorm", "9071"],
    ])("refuses %s code %s with the form the system writes", (system, code, name, example) => {
      const text = write(`mappings:\n${mapping(system, code)}`);
      expect(problems()).toEqual([
        `${CODES}:${lineOf(text, `code: "${code}"`)}: "${code}" is not a ${name} code as ${name} writes it (e.g. ${example})`,
      ]);
    });

    it("refuses a code mapped twice", () => {
      const text = write(`mappings:\n${mapping("ICD-10-CM", "R25.2")}${mapping("ICD-10-CM", "R25.2")}`);
      const second = text.split("\n").findIndex((line, index) => line.includes('code: "R25.2"') && index > 2) + 1;
      expect(problems()).toEqual([`${CODES}:${second}: ICD-10-CM R25.2 is mapped twice`]);
    });

    it("refuses a code written as a number: codes are text", () => {
      const text = write(`mappings:\n${mapping("SNOMED CT", "73211009").replace('"73211009"', "73211009")}`);
      expect(problems()).toEqual([
        `${CODES}:${lineOf(text, "code: 73211009")}: mappings.0.code: Invalid input: expected string, received number`,
      ]);
    });

    it("refuses a system it does not know and a mapping without its provenance", () => {
      const text = write(
        `mappings:\n${mapping("ICD-9-CM", "729.82")}${mapping("ICD-10-CM", "R25.2").replace("    rationale: Because.\n", "")}`,
      );
      const [system, rationale] = problems();
      expect(system).toMatch(new RegExp(`^${CODES}:${lineOf(text, "ICD-9-CM")}: mappings\\.0\\.system: `));
      expect(rationale).toBe(`${CODES}:${lineOf(text, "system: ICD-10-CM")}: missing field "mappings.1.rationale"`);
    });
  });

  it("refuses a date that does not exist", () => {
    const text = edit(ARTICLE, "published: 2026-01-15", "published: 2026-02-30");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "published")}: dates.published: must be a date written YYYY-MM-DD`,
    ]);
  });

  it("refuses a date in another format", () => {
    const text = edit(ARTICLE, "published: 2026-01-15", "published: 15/01/2026");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "published")}: dates.published: must be a date written YYYY-MM-DD`,
    ]);
  });

  it("refuses an empty list item", () => {
    const text = edit(ARTICLE, "- Another item\n", "-\n");
    expect(problems()).toEqual([`${ARTICLE}:${lineOf(text, "- An item") + 1}: empty text: list item has no text`]);
  });

  it("refuses an empty heading", () => {
    const text = edit(ARTICLE, "### A subtopic", "###");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "Text of the subtopic") - 2}: empty text: heading has no title`,
    ]);
  });

  it("refuses an empty description", () => {
    const text = edit(ARTICLE, "description: A made-up article used by the tests.", 'description: ""');
    expect(problems()).toEqual([`${ARTICLE}:${lineOf(text, "description")}: description: text must not be empty`]);
  });

  it("refuses a heading that skips a level", () => {
    const text = edit(ARTICLE, "### A subtopic", "#### A subtopic");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "#### A subtopic")}: heading level 4 skips a level: expected at most 3`,
    ]);
  });

  it("refuses Markdown the model cannot carry instead of dropping it", () => {
    const text = edit(ARTICLE, "Text of the subtopic.", "Text of the *subtopic*.\n\n<script>alert(1)</script>");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "Text of the")}: unsupported inline Markdown (emphasis): article text is plain`,
      `${ARTICLE}:${lineOf(text, "<script>")}: unsupported Markdown (html): articles use headings, paragraphs, lists and captioned images`,
    ]);
  });

  it("refuses a duplicate YAML key at its line", () => {
    const text = edit(FACTS, "  name: Sample condition\n", "  name: Sample condition\n  name: Again\n");
    expect(problems()).toEqual([`${FACTS}:${lineOf(text, "name: Again")}: YAML: Map keys must be unique`]);
  });

  it("refuses an image that is not an http(s) URL", () => {
    const text = edit(ARTICLE, "![A captioned picture that was not supplied]()", "![Click me](javascript:alert(1))");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "javascript:")}: image URL "javascript:alert(1)" must be http(s) or empty when the image was not supplied`,
    ]);
  });

  it("refuses a licence URL that is not http(s)", () => {
    const text = edit(ARTICLE, "url: https://creativecommons.org/licenses/by/4.0/", "url: javascript:alert(1)");
    expect(problems()).toEqual([`${ARTICLE}:${lineOf(text, "javascript:")}: licence.url: must be an http(s) URL`]);
  });

  it("refuses a YAML syntax error", () => {
    edit(FACTS, "  name: Sample condition\n", "  name: [Sample condition\n");
    expect(problems()).toEqual([expect.stringMatching(new RegExp(`^${FACTS}:\\d+: YAML: Flow sequence`))]);
  });

  it("refuses a slug that does not match its folder", () => {
    const text = edit(ARTICLE, "slug: sample-condition", "slug: other-condition");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "slug:")}: slug "other-condition" must match the folder name "sample-condition"`,
    ]);
  });

  it("refuses an FAQ section that does not exist", () => {
    const text = edit(ARTICLE, "faqSection: questions", "faqSection: answers");
    expect(problems()).toEqual([
      `${ARTICLE}:${lineOf(text, "faqSection")}: faqSection "answers" is not a top-level section of the article`,
    ]);
  });

  it("refuses an article folder without its facts", () => {
    rmSync(join(root, FACTS));
    expect(problems()).toEqual([`${FACTS}:1: file is missing`]);
  });

  it("reports every problem at once", () => {
    edit(ARTICLE, "language: en-GB\n", "language: en-GB\ncolour: blue\n");
    edit("content/coded-condition/facts.yaml", "section: only-section", "section: nowhere");
    expect(problems()).toHaveLength(2);
  });
});
