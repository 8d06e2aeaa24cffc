/**
 * Query parameters of the JSON API: validated at runtime by these schemas and
 * documented in OpenAPI from them (their input side, the text on the wire,
 * including each pattern). Unknown parameters are ignored, so cache busters
 * and tracking tags do not break requests. The one path parameter with a
 * form to check, a sitemap part's number, is here too.
 */
import * as z from "zod/mini";
import { SLUG_SOURCE } from "../content/slug";
import { MAX_SEARCH_WORDS, searchWords } from "../search/fts-query";

/** Caps on client-chosen lists and numbers; each is named in the 400 that enforces it. */
export const LIMITS = { pageSize: 100, page: 10_000, sections: 50, searchLength: 200 } as const;

/** The message for a query value that is missing, repeated (an array) or malformed. */
function describeIssue(message: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? "is required" : Array.isArray(issue.input) ? "must be given only once" : message;
}

/** Text given once, matching `pattern`; a repeated parameter arrives as an array and is refused. */
function single(pattern: RegExp, message: string) {
  return z.string({ error: describeIssue(message) }).check(
    // Later checks (ranges, counts) only make sense for text of the right shape.
    z.regex(pattern, { error: message, abort: true }),
  );
}

/**
 * How the OpenAPI document types a parameter where its text is read as
 * something else: a whole number is documented as an integer (so generated
 * clients take numbers), while the text is checked as below.
 */
export const WIRE_TYPES = z.registry<{ type: "integer"; minimum: number; maximum: number }>();

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  const schema = z.pipe(
    single(/^\d{1,9}$/, message).check(z.refine((value) => +value >= min && +value <= max, message)),
    z.transform(Number),
  );
  WIRE_TYPES.add(schema, { type: "integer", minimum: min, maximum: max });
  return schema;
}

const isoDateMessage = "must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T09:00:00Z)";
const isoDateError = { error: describeIssue(isoDateMessage) };

/**
 * An ISO date or date-time, read by zod's `z.iso` (as the content model
 * reads dates), as the instant it denotes: a bare date is midnight UTC; a
 * date-time has Z or an offset, and seconds (with any fraction) or minutes
 * only. zod's patterns admit only dates and times that exist (no 2026-02-30,
 * hour 24, leap second or offset past ±23:59), so Date reads every value
 * they let through, and the patterns OpenAPI documents are the whole check.
 * A repeated parameter arrives as an array, which no option takes.
 */
const isoInstant = z.pipe(
  z.union(
    [
      z.iso.date(isoDateError),
      z.iso.datetime({ offset: true, ...isoDateError }),
      // RFC 3339 (zod's date-time) requires seconds; ISO 8601 does not, and minutes were always accepted here.
      z.iso.datetime({ offset: true, precision: -1, ...isoDateError }),
    ],
    isoDateError,
  ),
  z.transform((value) => new Date(value.includes("T") ? value : `${value}T00:00:00Z`).toISOString()),
);

const codeMessage = "must be a clinical code such as R25.2, optionally with its system as ICD-10|R25.2";
/** `R25.2` (any system) or `ICD-10|R25.2` (FHIR token style). */
const clinicalCode = z.pipe(
  single(/^(?:[A-Za-z0-9 ._:/-]{1,64}\|)?[A-Za-z0-9._-]{1,32}$/, codeMessage),
  z.transform((value) => {
    const separator = value.lastIndexOf("|");
    return separator < 0
      ? { system: null, code: value }
      : { system: value.slice(0, separator), code: value.slice(separator + 1) };
  }),
);

const sectionsMessage = "must be comma-separated section ids (lowercase letters, digits and hyphens)";
/** `id,id,...`: section ids, de-duplicated, at most LIMITS.sections. */
const sectionList = z.pipe(
  single(new RegExp(`^${SLUG_SOURCE}(?:,${SLUG_SOURCE})*$`), sectionsMessage).check(
    z.refine((value) => new Set(value.split(",")).size <= LIMITS.sections, {
      error: `must list at most ${LIMITS.sections} section ids`,
    }),
  ),
  z.transform((value) => [...new Set(value.split(","))]),
);

export const ArticleListQuery = z.object({
  page: z.optional(wholeNumber(1, LIMITS.page)),
  pageSize: z.optional(wholeNumber(1, LIMITS.pageSize)),
  updatedSince: z.optional(isoInstant),
  code: z.optional(clinicalCode),
});
export type ArticleListQuery = z.output<typeof ArticleListQuery>;

const searchMessage = `must be 1 to ${LIMITS.searchLength} characters on one line`;
const searchText = single(new RegExp(`^[^\\u0000-\\u001F\\u007F]{1,${LIMITS.searchLength}}$`), searchMessage).check(
  z.refine((value) => searchWords(value).length > 0, "must hold at least one word (a letter or digit) to search for"),
  z.refine((value) => searchWords(value).length <= MAX_SEARCH_WORDS, `must hold at most ${MAX_SEARCH_WORDS} words`),
);

/** `GET /v1/search`: the words (each word is looked for; src/search/fts-query.ts) and the page. */
export const SearchQuery = z.object({
  q: searchText,
  page: z.optional(wholeNumber(1, LIMITS.page)),
  pageSize: z.optional(wholeNumber(1, LIMITS.pageSize)),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export const ArticleQuery = z.object({ sections: z.optional(sectionList) });

/** `GET /articles`: which page of the HTML index. */
export const ArticlesPageQuery = z.object({ page: z.optional(wholeNumber(1, LIMITS.page)) });

/** `GET /sitemaps/{part}`: the part's file name, its number and `.xml`, numbered like pages. */
export const SitemapPart = z.pipe(
  z.pipe(
    single(/^\d{1,9}\.xml$/, "must be a part's number followed by .xml, such as 1.xml"),
    z.transform((value) => value.slice(0, -".xml".length)),
  ),
  wholeNumber(1, LIMITS.page),
);

export const EmbedQuery = z.object({
  sections: z.optional(sectionList),
  theme: z.optional(z.enum(["light", "dark"], { error: describeIssue("must be light or dark") })),
});

const dimension = wholeNumber(1, 10_000);
export const OEmbedQuery = z.object({
  url: single(/^https?:\/\/\S{1,2000}$/, "must be the http(s) URL of an article page, optionally with a #section"),
  /** Any format name is well formed; every one but json is answered 501, as oEmbed 1.0 asks. */
  format: z.optional(single(/^[A-Za-z0-9.+-]{1,32}$/, "must be a format name such as json")),
  maxwidth: z.optional(dimension),
  maxheight: z.optional(dimension),
});
export type OEmbedQuery = z.output<typeof OEmbedQuery>;

const RESPONSE_TYPE_MESSAGE =
  "must be text/xml, application/atom+xml or application/json (JSONP is not served: any origin may read application/json)";

/**
 * In a query string a `+` means a space, so `application/atom+xml` sent as
 * it is arrives as `application/atom xml`: the 400 says so, and how to send it.
 */
function describeResponseType(issue: { input?: unknown }): string {
  const { input } = issue;
  const meant = typeof input === "string" ? input.replaceAll(" ", "+") : undefined;
  if (meant !== input && INFOBUTTON_RESPONSE_TYPES.some((type) => type === meant)) {
    return `${RESPONSE_TYPE_MESSAGE}: "${input}" is ${meant} with its "+" read as a space, as a query string reads it; send the "+" as %2B`;
  }
  return describeIssue(RESPONSE_TYPE_MESSAGE)(issue);
}

const OID = /^(?:urn:oid:)?[0-2](?:\.(?:0|[1-9]\d{0,15})){1,30}$/;
export const INFOBUTTON_RESPONSE_TYPES = ["text/xml", "application/atom+xml", "application/json"] as const;

/**
 * HL7 Infobutton (URL-based) knowledge request, with MedlinePlus Connect's
 * parameters: a code (and its system's OID) or a display name, the reader's
 * language and the response type. Other Infobutton parameters are ignored.
 */
export const InfobuttonQuery = z
  .object({
    "mainSearchCriteria.v.c": z.optional(single(/^[A-Za-z0-9._-]{1,32}$/, "must be a clinical code such as R25.2")),
    "mainSearchCriteria.v.cs": z.optional(
      single(OID, "must be the code system's OID, such as 2.16.840.1.113883.6.90 for ICD-10-CM"),
    ),
    "mainSearchCriteria.v.dn": z.optional(
      single(/^.{1,200}$/, "must be a display name of 1 to 200 characters on one line"),
    ),
    "informationRecipient.languageCode.c": z.optional(
      single(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "must be a language code such as en or en-GB"),
    ),
    knowledgeResponseType: z.optional(z.enum(INFOBUTTON_RESPONSE_TYPES, { error: describeResponseType })),
  })
  .check(
    z.refine(
      (query) => query["mainSearchCriteria.v.c"] !== undefined || query["mainSearchCriteria.v.dn"] !== undefined,
      {
        error: "is required: give a code (mainSearchCriteria.v.c) or a display name (mainSearchCriteria.v.dn)",
        path: ["mainSearchCriteria.v.c"],
      },
    ),
  );
export type InfobuttonQuery = z.output<typeof InfobuttonQuery>;
