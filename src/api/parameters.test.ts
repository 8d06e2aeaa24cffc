/**
 * Unit tests of the query parameters, beside the module, through each
 * exported schema's Standard Schema interface (what the routes' validators
 * call): the values read, and the parameter named in each refusal.
 */
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, it } from "vitest";
import {
  ArticleListQuery,
  ArticleQuery,
  EmbedQuery,
  InfobuttonQuery,
  LIMITS,
  OEmbedQuery,
  SearchQuery,
  SitemapPart,
} from "./parameters";

/** A query as the validator sees it: each value text, or an array when the parameter was repeated. */
type Query = Record<string, string | string[]>;

/** The value read, or each refused parameter's name and message. */
async function read(schema: StandardSchemaV1, input: Query | string) {
  const result = await schema["~standard"].validate(input);
  if (!result.issues) return { value: result.value };
  return {
    refused: result.issues.map((issue) => {
      const [first] = issue.path ?? [];
      return [typeof first === "object" ? String(first.key) : String(first ?? ""), issue.message] as const;
    }),
  };
}

/** The names of the parameters a query is refused for (none when accepted). */
async function refused(schema: StandardSchemaV1, input: Query | string): Promise<string[]> {
  return ((await read(schema, input)).refused ?? []).map(([name]) => name);
}

describe("ArticleListQuery", () => {
  it("reads an empty query as no filter", async () => {
    expect(await read(ArticleListQuery, {})).toEqual({ value: {} });
  });

  it("reads page and pageSize as whole numbers within their limits", async () => {
    expect(await read(ArticleListQuery, { page: "2", pageSize: String(LIMITS.pageSize) })).toEqual({
      value: { page: 2, pageSize: LIMITS.pageSize },
    });
    expect(await read(ArticleListQuery, { page: String(LIMITS.page) })).toEqual({ value: { page: LIMITS.page } });
    for (const page of ["0", "-1", "1.5", "1e3", "", " 1", String(LIMITS.page + 1), "9".repeat(30)]) {
      expect(await read(ArticleListQuery, { page }), page).toEqual({
        refused: [["page", `must be a whole number from 1 to ${LIMITS.page}`]],
      });
    }
    expect(await refused(ArticleListQuery, { pageSize: String(LIMITS.pageSize + 1) })).toEqual(["pageSize"]);
  });

  it("refuses a parameter given twice, saying so", async () => {
    expect(await read(ArticleListQuery, { page: ["1", "2"] })).toEqual({
      refused: [["page", "must be given only once"]],
    });
  });

  it("names every refused parameter at once", async () => {
    expect(await refused(ArticleListQuery, { page: "0", pageSize: "x", code: "?" })).toEqual([
      "page",
      "pageSize",
      "code",
    ]);
  });
});

describe("ArticleListQuery's updatedSince and code", () => {
  it("reads updatedSince as the instant it denotes, a bare date being midnight UTC", async () => {
    const since = async (updatedSince: string) => (await read(ArticleListQuery, { updatedSince })).value;
    expect(await since("2026-01-31")).toEqual({ updatedSince: "2026-01-31T00:00:00.000Z" });
    expect(await since("2026-01-31T09:00:00Z")).toEqual({ updatedSince: "2026-01-31T09:00:00.000Z" });
    expect(await since("2026-01-31T09:00:00+01:00")).toEqual({ updatedSince: "2026-01-31T08:00:00.000Z" });
    expect(await since("2026-01-31T09:00-05:30")).toEqual({ updatedSince: "2026-01-31T14:30:00.000Z" });
    expect(await since("2024-02-29")).toEqual({ updatedSince: "2024-02-29T00:00:00.000Z" });
  });

  it("refuses an updatedSince that is not a real ISO 8601 date or date-time", async () => {
    for (const updatedSince of [
      "yesterday",
      "2026-02-30",
      "2025-02-29",
      "2026-13-01",
      "2026-00-10",
      "2026-1-5",
      "2026-01-31T24:00:00Z",
      "2026-01-31T09:60:00Z",
      "31/01/2026",
      "",
    ]) {
      expect(await refused(ArticleListQuery, { updatedSince }), updatedSince).toEqual(["updatedSince"]);
    }
  });

  it("reads a clinical code with or without its system", async () => {
    expect(await read(ArticleListQuery, { code: "R25.2" })).toEqual({
      value: { code: { system: null, code: "R25.2" } },
    });
    expect(await read(ArticleListQuery, { code: "ICD-10-CM|G47.62" })).toEqual({
      value: { code: { system: "ICD-10-CM", code: "G47.62" } },
    });
    for (const code of ["", "R25 2", "|R25.2", "a|b|c", "x".repeat(33)]) {
      expect(await refused(ArticleListQuery, { code }), code).toEqual(["code"]);
    }
  });
});

describe("ArticleQuery and EmbedQuery", () => {
  it("read sections as section ids, each once, in the order given", async () => {
    expect(await read(ArticleQuery, { sections: "causes,treatments,causes" })).toEqual({
      value: { sections: ["causes", "treatments"] },
    });
    for (const sections of ["", "Causes", "causes,", ",causes", "causes;treatments", "causes treatments"]) {
      expect(await refused(ArticleQuery, { sections }), sections).toEqual(["sections"]);
    }
  });

  it(`refuse more than ${LIMITS.sections} different section ids, but not repeats of fewer`, async () => {
    const ids = (count: number) => Array.from({ length: count }, (_, index) => `s${index}`);
    expect(await refused(ArticleQuery, { sections: ids(LIMITS.sections).join(",") })).toEqual([]);
    const repeated = Array.from({ length: LIMITS.sections + 10 }, (_, index) => `s${index % 3}`);
    expect(await read(ArticleQuery, { sections: repeated.join(",") })).toEqual({
      value: { sections: ["s0", "s1", "s2"] },
    });
    expect(await read(ArticleQuery, { sections: ids(LIMITS.sections + 1).join(",") })).toEqual({
      refused: [["sections", `must list at most ${LIMITS.sections} section ids`]],
    });
  });

  it("read an embed's theme, light or dark only", async () => {
    expect(await read(EmbedQuery, { theme: "dark" })).toEqual({ value: { theme: "dark" } });
    expect(await read(EmbedQuery, { theme: "blue" })).toEqual({ refused: [["theme", "must be light or dark"]] });
  });
});

describe("SearchQuery", () => {
  it("reads the words and the page", async () => {
    expect(await read(SearchQuery, { q: "leg cramps", page: "2" })).toEqual({ value: { q: "leg cramps", page: 2 } });
  });

  it("refuses a query with no word, over the word or length limits, or on more than one line", async () => {
    expect(await refused(SearchQuery, {})).toEqual(["q"]);
    for (const q of ["", "   ", "*** --", "a\nb", "tab\there", "x".repeat(LIMITS.searchLength + 1)]) {
      expect(await refused(SearchQuery, { q }), q).toEqual(["q"]);
    }
    const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`).join(" ");
    expect(await refused(SearchQuery, { q: words(20) })).toEqual([]);
    expect(await read(SearchQuery, { q: words(21) })).toEqual({ refused: [["q", "must hold at most 20 words"]] });
  });
});

describe("SitemapPart", () => {
  it("reads a part's file name as its number", async () => {
    expect(await read(SitemapPart, "1.xml")).toEqual({ value: 1 });
    expect(await read(SitemapPart, `${LIMITS.page}.xml`)).toEqual({ value: LIMITS.page });
    for (const part of ["0.xml", "1.json", "1", ".xml", "-1.xml", `${LIMITS.page + 1}.xml`]) {
      expect((await read(SitemapPart, part)).refused, part).toBeDefined();
    }
  });
});

describe("OEmbedQuery", () => {
  it("reads an article page's URL, a format name and the sizes", async () => {
    expect(
      await read(OEmbedQuery, {
        url: "https://health.test/articles/leg-cramps#causes",
        maxwidth: "600",
        format: "xml",
      }),
    ).toEqual({ value: { url: "https://health.test/articles/leg-cramps#causes", maxwidth: 600, format: "xml" } });
  });

  it("refuses a missing or non-HTTP URL and sizes out of range", async () => {
    expect(await read(OEmbedQuery, {})).toEqual({ refused: [["url", "is required"]] });
    expect(await refused(OEmbedQuery, { url: "javascript:alert(1)" })).toEqual(["url"]);
    expect(await refused(OEmbedQuery, { url: "https://health.test/a b" })).toEqual(["url"]);
    expect(await refused(OEmbedQuery, { url: "https://x.test/", maxwidth: "0", maxheight: "10001" })).toEqual([
      "maxwidth",
      "maxheight",
    ]);
  });
});

describe("InfobuttonQuery", () => {
  const code = { "mainSearchCriteria.v.c": "R25.2" };

  it("needs a code or a display name", async () => {
    expect(await refused(InfobuttonQuery, code)).toEqual([]);
    expect(await refused(InfobuttonQuery, { "mainSearchCriteria.v.dn": "Leg cramps" })).toEqual([]);
    expect(await refused(InfobuttonQuery, { "informationRecipient.languageCode.c": "en" })).toEqual([
      "mainSearchCriteria.v.c",
    ]);
  });

  it("reads a code system's OID, the reader's language and the response type", async () => {
    const query = {
      ...code,
      "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.90",
      "informationRecipient.languageCode.c": "en-GB",
      knowledgeResponseType: "application/json",
    };
    expect(await read(InfobuttonQuery, query)).toEqual({ value: query });
    expect(
      await refused(InfobuttonQuery, { ...code, "mainSearchCriteria.v.cs": "urn:oid:2.16.840.1.113883.6.90" }),
    ).toEqual([]);
  });

  it("refuses malformed OIDs, languages and response types", async () => {
    for (const cs of ["ICD-10", "3.1", "2.16.0840", "2."]) {
      expect(await refused(InfobuttonQuery, { ...code, "mainSearchCriteria.v.cs": cs }), cs).toEqual([
        "mainSearchCriteria.v.cs",
      ]);
    }
    expect(await refused(InfobuttonQuery, { ...code, "informationRecipient.languageCode.c": "english!" })).toEqual([
      "informationRecipient.languageCode.c",
    ]);
    expect(await refused(InfobuttonQuery, { ...code, knowledgeResponseType: "text/javascript" })).toEqual([
      "knowledgeResponseType",
    ]);
  });
});
