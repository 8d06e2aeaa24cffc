/**
 * Property-based fuzzing through the real Worker: random methods, paths,
 * query strings and headers never produce a 5xx, every 4xx is problem+json
 * with its status (or, under /articles and /embed/, an error page for a
 * client that asks for HTML), no body leaks internals, every status is one the API
 * documents, and content responses stay byte-identical to unfuzzed ones.
 */
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { MAX_HEADER_BYTES } from "../../src/http/limits";
import { CONTENT_PATHS } from "../support/routes";
import { call } from "../support/worker";

declare module "vitest" {
  interface ProvidedContext {
    /** Cases per property: FUZZ_RUNS, a small default in `npm test`, 1500 in `npm run test:full`. */
    fuzzRuns: number;
  }
}

/** Cases per property, each a request through workerd (vitest.config.ts). */
const RUNS = inject("fuzzRuns");

/** Statuses the OpenAPI document gives every operation, plus 204 for preflights. */
const DOCUMENTED = new Set([200, 204, 304, 400, 404, 405, 406, 412, 413, 414, 415, 429, 431, 501]);

/** Signs of a stack trace or an internal path in a response body. */
const LEAKS = [
  /\bat [\w$.<>]+ \(/,
  /\.(?:ts|tsx|js|mjs):\d+/,
  /node_modules/,
  /\/work\//,
  /\bsrc\//,
  /TypeError|ReferenceError|SyntaxError/,
];

const segment = fc.oneof(
  fc.constantFrom(
    "v1",
    "articles",
    "leg-cramps",
    "sections",
    "calf-extension",
    "jsonld",
    "conditions",
    "embed",
    "embed.js",
    "infobutton",
    "cds-services",
    "patient-education",
  ),
  fc.constantFrom("oembed", "openapi.json", "docs", "problems", "sitemap.xml", "robots.txt", "..", ".", "", "%2e%2e"),
  fc.constantFrom("%", "%zz", "%E0%A4%A", "%00", "%2F", "%C0%AF", "%FF%FE", "%F0%9F%98", "%25", "%5C"),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ minLength: 1500, maxLength: 3000 }),
);

const path = fc
  .array(segment, { minLength: 0, maxLength: 6 })
  .chain((segments) => fc.constantFrom("/", "//", "///").map((separator) => `/${segments.join(separator)}`));

const queryKey = fc.oneof(
  fc.constantFrom(
    "page",
    "pageSize",
    "updatedSince",
    "code",
    "sections",
    "theme",
    "url",
    "format",
    "maxwidth",
    "maxheight",
    "mainSearchCriteria.v.c",
    "mainSearchCriteria.v.cs",
    "mainSearchCriteria.v.dn",
    "informationRecipient.languageCode.c",
    "knowledgeResponseType",
  ),
  fc.constantFrom("__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "__proto__[polluted]", ""),
  fc.string({ maxLength: 10 }),
);
const queryValue = fc.oneof(
  fc.constantFrom("", "1", "0", "-1", "1e3", "NaN", "Infinity", "100", "101", "9".repeat(30), "light", "json", "xml"),
  fc.constantFrom("calf-extension", "calf-extension,heel-walk", "https://health.test/articles/leg-cramps#heel-walk"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ minLength: 2500, maxLength: 5000 }),
);
const query = fc
  .array(fc.tuple(queryKey, queryValue), { maxLength: 6 })
  .map((pairs) =>
    pairs.length === 0
      ? ""
      : `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}`,
  );

/** Header values are byte strings: printable ASCII keeps the test's own Headers() from throwing. */
const ascii = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
/** Around the limit on a header the API reads (MAX_HEADER_BYTES): answered 431 above it, read below it. */
const oversized = fc
  .integer({ min: MAX_HEADER_BYTES - 16, max: MAX_HEADER_BYTES + 16 })
  .map((size) => `"${"x".repeat(size - 2)}"`);
const headers = fc.record(
  {
    Accept: fc.oneof(
      fc.constantFrom("*/*", "application/json", "application/ld+json", "text/markdown", "text/html", "image/png"),
      fc.constantFrom("application/json;q=0", "text/*;q=0.5, */*;q=0.1", ";;;", "*/", "a/b;q=nope", ",,,"),
      ascii(60),
      oversized,
    ),
    "If-None-Match": fc.oneof(fc.constantFrom("*", 'W/"x"', '"', '""', "W/", ", ,"), ascii(80), oversized),
    "If-Modified-Since": fc.oneof(
      fc
        .date({ noInvalidDate: true, min: new Date(0), max: new Date(4102444800000) })
        .map((date) => date.toUTCString()),
      fc.constantFrom("yesterday", "0", "Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT"),
      ascii(40),
    ),
    Range: fc.oneof(fc.constantFrom("bytes=0-10", "bytes=-5", "bytes=100-", "bytes=5-1", "lines=1-2"), ascii(30)),
    Origin: fc.oneof(fc.constantFrom("https://pharmacy.example", "null", "http://localhost:3000"), ascii(40)),
    Cookie: fc.oneof(
      ascii(200),
      fc.integer({ min: 1, max: 20_000 }).map((size) => `session=${"x".repeat(size)}`),
    ),
    "CF-Connecting-IP": fc.ipV4(),
  },
  { requiredKeys: [] },
);
const method = fc.oneof(
  fc.constantFrom("GET", "GET", "GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"),
  fc.stringMatching(/^[A-Z]{1,10}$/),
);

/** What the Worker answers, unfuzzed, for a path in a given media type. */
async function baseline(target: string, contentType: string): Promise<string> {
  const accept = contentType.split(";")[0] ?? "*/*";
  return (await call(target, { headers: { Accept: accept } })).text();
}

async function checkResponse(response: Response, request: string): Promise<string> {
  const body = await response.text();
  expect(response.status, request).toBeLessThan(500);
  expect(DOCUMENTED.has(response.status), `${request} -> ${response.status}`).toBe(true);
  for (const leak of LEAKS) expect(leak.test(body), `${request} leaks ${leak}: ${body.slice(0, 200)}`).toBe(false);
  if (response.status >= 400 && response.headers.get("Content-Type")?.startsWith("text/html")) {
    // An error page, only where people read pages (src/routes/errors.ts), saying the status.
    expect(request).toMatch(/^[A-Z]+ \/(?:articles(?:[/?]|$)|embed\/)/);
    if (!request.startsWith("HEAD ")) expect(body, request).toContain(`<h1>${response.status} `);
  } else if (response.status >= 400) {
    expect(response.headers.get("Content-Type"), request).toMatch(/^application\/problem\+json/);
    if (!request.startsWith("HEAD ")) {
      const problem = JSON.parse(body) as { status: unknown; type: unknown; title: unknown; detail: unknown };
      expect(problem.status, request).toBe(response.status);
      expect(
        typeof problem.type === "string" && typeof problem.title === "string" && typeof problem.detail === "string",
      ).toBe(true);
    }
  }
  return body;
}

describe("fuzzing", () => {
  it(`answers ${RUNS} random requests with documented statuses and no leaks`, async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, async (verb, target, search, fields) => {
        let url: URL;
        try {
          url = new URL(`${target}${search}`, "https://health.test");
          new Request(url, { method: verb });
        } catch {
          return; // Not a request the runtime can deliver (bad URL or method), so not one the Worker sees.
        }
        const response = await call(url.pathname + url.search, { method: verb, headers: fields });
        const request = `${verb} ${url.pathname}${url.search}`.slice(0, 300);
        const body = await checkResponse(response, request);
        if (verb === "HEAD") expect(body).toBe("");
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`keeps content byte-identical under ${RUNS} sets of random headers`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CONTENT_PATHS), headers, async (target, fields) => {
        const response = await call(target, { headers: fields });
        const body = await checkResponse(response, `GET ${target}`);
        if (response.status === 200) {
          expect(body).toBe(await baseline(target, response.headers.get("Content-Type") ?? ""));
        }
        if (response.status === 304) expect(body).toBe("");
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
