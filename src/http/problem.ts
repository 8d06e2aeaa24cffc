/**
 * RFC 9457 problem details. Expected failures throw a ProblemError; the app's
 * single onError turns it (and anything unexpected) into application/problem+json.
 */

import { STANDARD_HEADERS } from "./cross-origin";
import { MAX_HEADER_BYTES, MAX_REQUEST_BODY_BYTES, MAX_URL_LENGTH, RATE_LIMIT_PERIOD_SECONDS } from "./limits";
import type { FieldError, Problem } from "./problem-schema";

export type { FieldError, Problem };

/**
 * The problem types this API uses, the one table: a stable slug, its status,
 * title and meaning, and an example `detail` (the OpenAPI document describes
 * every error response from this table).
 */
export const PROBLEM_TYPES = {
  "not-found": {
    status: 404,
    title: "Not Found",
    about: "No article, section or route exists at this URL.",
    example: 'There is no article "no-such-article".',
  },
  "invalid-parameters": {
    status: 400,
    title: "Invalid parameters",
    about:
      "One or more query or path parameters, or fields of the request body, are malformed; `errors` names each one and what is wrong with it.",
    example: "Invalid value for: pageSize.",
  },
  unauthorized: {
    status: 401,
    title: "Unauthorized",
    about:
      "The operation is for this service's operators: send `Authorization: Bearer <token>` with the admin token (`WWW-Authenticate` says so).",
    example: "Send the admin token as `Authorization: Bearer <token>`.",
  },
  "method-not-allowed": {
    status: 405,
    title: "Method Not Allowed",
    about: "The resource exists but does not support this HTTP method; the `Allow` header lists the ones it does.",
    example: "This resource supports GET, HEAD, OPTIONS.",
  },
  "not-acceptable": {
    status: 406,
    title: "Not Acceptable",
    about: "None of the media types in the `Accept` header can be served at this URL; `detail` lists those that can.",
    example: "This resource can be served as: application/json.",
  },
  gone: {
    status: 410,
    title: "Gone",
    about:
      "The article was withdrawn by its publisher: `detail` says when and why, and `replacedBy` links to the article that replaces it, when one does. Remove any copy you keep.",
    example: 'The article "night-cramps" was withdrawn by its publisher on 2026-11-30: merged into "leg-cramps".',
  },
  "prefetch-required": {
    status: 412,
    title: "Precondition Failed",
    about:
      "A CDS Hooks request lacks the prefetch data the service needs (named in `detail`); this service does not fetch it from the EHR's FHIR server.",
    example: "Send the patient's Condition resources as the `conditions` prefetch.",
  },
  "content-too-large": {
    status: 413,
    title: "Content Too Large",
    about: "The request body is larger than this API accepts (the limit is in `detail`).",
    example: `Request bodies are limited to ${MAX_REQUEST_BODY_BYTES} bytes.`,
  },
  "uri-too-long": {
    status: 414,
    title: "URI Too Long",
    about: "The URL is longer than this API accepts; no valid request needs one this long.",
    example: `URLs are limited to ${MAX_URL_LENGTH} characters.`,
  },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported Media Type",
    about: "The request body is not in a media type this resource reads; `detail` names the one it does.",
    example: "Send the CDS Hooks request as application/json.",
  },
  "too-many-requests": {
    status: 429,
    title: "Too Many Requests",
    about:
      "This client sent more requests than its limit allows (repeats of a response already built are not counted); wait for the number of seconds in `Retry-After`.",
    example: `Too many requests from this client: wait ${RATE_LIMIT_PERIOD_SECONDS} seconds.`,
  },
  "headers-too-large": {
    status: 431,
    title: "Request Header Fields Too Large",
    about:
      "A header this API reads (named in `detail`) is longer than it accepts; no valid request needs one this long.",
    example: `The Accept header is limited to ${MAX_HEADER_BYTES} bytes.`,
  },
  "internal-error": {
    status: 500,
    title: "Internal Server Error",
    about: "Something failed inside the service. Nothing about the request caused it; try again later.",
    example: "Something failed inside the service. Nothing about the request caused it; try again later.",
  },
  "not-implemented": {
    status: 501,
    title: "Not Implemented",
    about: "This option is defined by a standard but not served.",
    example: "Only format=json is served.",
  },
  unavailable: {
    status: 503,
    title: "Service Unavailable",
    about:
      "Content or search this request needs cannot be read now (`detail` says which, and what fixes it); nothing else is affected. Try again after the seconds in `Retry-After`.",
    example:
      'The article "leg-cramps" cannot be read as it was built, so it cannot be served now; other articles are not affected. Try again later.',
  },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

/** How long a client should wait before asking again for content or search that could not be read. */
export const UNAVAILABLE_RETRY_SECONDS = 60;

export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = "ProblemError";
  }
}

export function problem(type: ProblemType, detail: string, errors?: FieldError[]): Problem {
  const { status, title } = PROBLEM_TYPES[type];
  return { type: `/problems/${type}`, title, status, detail, ...(errors ? { errors } : {}) };
}

/** Throws a 410 problem: the article was withdrawn, when and why, and what replaces it. */
export function gone(detail: string, replacedBy: string | undefined): never {
  throw new ProblemError(
    { ...problem("gone", detail), ...(replacedBy ? { replacedBy } : {}) },
    replacedBy ? { Link: `<${replacedBy}>; rel="successor-version"` } : {},
  );
}

/** Throws a 404 problem. */
export function notFound(detail: string): never {
  throw new ProblemError(problem("not-found", detail));
}

/** Throws a 406 problem listing the media types that can be served. */
export function notAcceptable(offers: readonly string[]): never {
  throw new ProblemError(problem("not-acceptable", `This resource can be served as: ${offers.join(", ")}.`));
}

/** Throws a 400 problem naming each bad parameter. */
export function invalidParameters(errors: FieldError[]): never {
  const names = [...new Set(errors.map((error) => error.name))].join(", ");
  throw new ProblemError(problem("invalid-parameters", `Invalid value for: ${names}.`, errors));
}

export function problemResponse(details: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(details), {
    status: details.status,
    headers: {
      ...STANDARD_HEADERS,
      "Content-Type": "application/problem+json; charset=utf-8",
      // An error now may be content later (a new article): never cache it.
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}
