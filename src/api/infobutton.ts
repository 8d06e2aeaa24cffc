/**
 * HL7 Infobutton knowledge responses, compatible with MedlinePlus Connect:
 * the articles that match a request's code (or display name) and language,
 * as an Atom-shaped feed. This module builds the feed once, in the JSON form
 * MedlinePlus Connect serves (`{ feed: { entry: [...] } }`, text in
 * `_value`); src/render/infobutton-atom.ts writes the same feed as Atom XML.
 */
import * as z from "zod/mini";
import { findCodeSystem } from "../content/code-systems";
import type { ContentLibrary } from "../content/library";
import { mappingText } from "../content/mapping-text";
import { CodeMapping, type IndexedArticle } from "../content/model";
import { type CodeQuery, type MatchedCodes, matchCodes } from "./code-match";
import { lookupOf } from "./library-lookup";
import type { InfobuttonQuery } from "./parameters";
import { licenceText, SERVICE_NAME } from "./resources";
import { urls } from "./urls";

const Value = z.strictObject({ _value: z.string() });
const Text = z.strictObject({ _value: z.string(), type: z.literal("text") });
const Category = z.strictObject({ scheme: z.string(), term: z.string(), label: z.optional(z.string()) });

export const InfobuttonEntry = z.strictObject({
  lang: z.string(),
  title: Text,
  link: z.array(
    z.strictObject({
      href: z.string(),
      rel: z.literal("alternate"),
      type: z.literal("text/html"),
      hreflang: z.string(),
      title: z.string(),
    }),
  ),
  id: Value,
  updated: Value,
  /** The article's description, in the publisher's words. */
  summary: Text,
  author: z.array(z.strictObject({ name: Value })),
  /** The attribution line and the licence (or that the publisher stated none). */
  rights: Text,
  /** The codes that matched, each labelled with whose code it is. */
  category: z.array(Category),
  /** The matching codes this service mapped, with who mapped them, from which release, and why. */
  codeMappings: z.array(CodeMapping),
});

export const InfobuttonFeed = z.strictObject({
  feed: z.strictObject({
    base: z.string(),
    lang: z.string(),
    title: Text,
    subtitle: Text,
    author: z.strictObject({ name: Value, uri: Value }),
    updated: Value,
    id: Value,
    /** The request's criteria, as MedlinePlus Connect echoes them. */
    category: z.array(Category),
    entry: z.array(InfobuttonEntry),
  }),
});
export type InfobuttonFeed = z.infer<typeof InfobuttonFeed>;
export type InfobuttonEntry = z.infer<typeof InfobuttonEntry>;

/** The query's parameters in a fixed order: the feed's id and the stored response's key. */
export function canonicalInfobuttonQuery(query: InfobuttonQuery): string {
  const params = new URLSearchParams();
  for (const name of CRITERIA) {
    const value = query[name];
    if (value !== undefined) params.set(name, value);
  }
  return params.toString();
}

const CRITERIA = [
  "mainSearchCriteria.v.c",
  "mainSearchCriteria.v.cs",
  "mainSearchCriteria.v.dn",
  "informationRecipient.languageCode.c",
] as const;

/**
 * The most entries a feed holds: an EHR shows them as a list beside the
 * patient's record, and a code many articles share would otherwise list
 * them all (a feed of the whole library at 10,000 articles).
 */
export const MAX_ENTRIES = 50;

/** The feed answering a knowledge request: the newest MAX_ENTRIES articles that match; none is an empty feed. */
export function infobuttonFeed(library: ContentLibrary, query: InfobuttonQuery, base: string): InfobuttonFeed {
  const language = query["informationRecipient.languageCode.c"] ?? "en";
  const inLanguage = (article: IndexedArticle) => primaryLanguage(article.language) === primaryLanguage(language);
  const entries = candidates(library, query, inLanguage).map(({ article, matched }) => entry(article, matched, base));
  const code = query["mainSearchCriteria.v.c"];
  const system = query["mainSearchCriteria.v.cs"];
  const systemName = system === undefined ? undefined : (findCodeSystem(system)?.name ?? system);
  const wanted = code === undefined ? query["mainSearchCriteria.v.dn"] : [systemName, code].filter(Boolean).join(" ");
  return {
    feed: {
      base: `${base}/`,
      lang: language,
      title: { _value: SERVICE_NAME, type: "text" },
      subtitle: { _value: `${SERVICE_NAME} results for ${wanted}`, type: "text" },
      author: { name: { _value: SERVICE_NAME }, uri: { _value: `${base}/` } },
      updated: { _value: library.updatedAt },
      id: { _value: `${urls.infobutton(base)}?${canonicalInfobuttonQuery(query)}` },
      category: CRITERIA.flatMap((name) => {
        const value = query[name];
        return value === undefined ? [] : [{ scheme: name, term: value }];
      }),
      entry: entries,
    },
  };
}

/**
 * The newest MAX_ENTRIES articles a request matches that are wanted (in the
 * request's language), from the library's lookup: by its code, with the
 * codes each holds; or for a display name alone, by their title, condition
 * names or a mapped code's display text.
 */
function candidates(
  library: ContentLibrary,
  query: InfobuttonQuery,
  wanted: (article: IndexedArticle) => boolean,
): { article: IndexedArticle; matched: MatchedCodes }[] {
  const code = codeQuery(query);
  if (code === null) return [];
  const lookup = lookupOf(library);
  if (code === undefined) {
    const named = lookup
      .named(query["mainSearchCriteria.v.dn"] ?? "")
      .filter(wanted)
      .slice(0, MAX_ENTRIES);
    return named.map((article) => ({ article, matched: { publisher: [], mapped: [] } }));
  }
  return lookup
    .newestByCode([code], MAX_ENTRIES, wanted)
    .map(({ article }) => ({ article, matched: matchCodes(article, code) }));
}

/**
 * The request's code; undefined when it names none (a display name alone);
 * null when its system is an OID this service maps nothing to, which matches
 * nothing (rather than any system).
 */
function codeQuery(query: InfobuttonQuery): CodeQuery | undefined | null {
  const code = query["mainSearchCriteria.v.c"];
  if (code === undefined) return undefined;
  const system = query["mainSearchCriteria.v.cs"];
  if (system !== undefined && !findCodeSystem(system)) return null;
  return { system: system ?? null, code };
}

function entry(article: IndexedArticle, matched: MatchedCodes, base: string): InfobuttonEntry {
  const page = urls.page(base, article.slug);
  return {
    lang: article.language,
    title: { _value: article.title, type: "text" },
    link: [{ href: page, rel: "alternate", type: "text/html", hreflang: article.language, title: article.title }],
    id: { _value: page },
    updated: { _value: article.updatedAt },
    summary: { _value: article.description, type: "text" },
    author: article.authors.map((author) => ({ name: { _value: author.name } })),
    rights: { _value: `${article.attribution} ${licenceText(article.licence)}`, type: "text" },
    category: [
      ...matched.publisher.map((code) => ({
        scheme: code.system,
        term: code.code,
        label: `${code.system} ${code.code}${code.name ? ` ${code.name}` : ""}, supplied by the publisher`,
      })),
      ...matched.mapped.map((mapping) => ({
        scheme: mapping.system.uri,
        term: mapping.code,
        label: mappingText(mapping),
      })),
    ],
    codeMappings: matched.mapped,
  };
}

function primaryLanguage(tag: string): string {
  return tag.split("-")[0]?.toLowerCase() ?? "";
}
