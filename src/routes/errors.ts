/**
 * Every error, for whoever asked: problem+json for API clients, and a page a
 * person can read where a person reads pages: under /articles (a stale link
 * to /articles/...) and /embed/ (an iframe, which may be framed anywhere,
 * like the embed). There the choice follows `Accept`: an /embed/ URL answers
 * HTML unless the client prefers JSON, a page URL only when the client
 * prefers HTML. The API's routes always answer problem+json.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { urls } from "../api/urls";
import { type ContentPart, ContentUnavailable } from "../content/content-unavailable";
import { SLUG } from "../content/slug";
import type { AppEnv } from "../http/app-env";
import { STANDARD_HEADERS } from "../http/cross-origin";
import { MEDIA } from "../http/media-types";
import { negotiate } from "../http/negotiation";
import {
  PROBLEM_TYPES,
  type Problem,
  ProblemError,
  type ProblemType,
  problem,
  problemResponse,
  UNAVAILABLE_RETRY_SECONDS,
} from "../http/problem";
import { type ErrorPageLink, renderErrorPage } from "../render/error-page";

const PROBLEM_JSON = "application/problem+json";
const EMBED_PATH = /^\/embed\/([^/]+)$/;
const PAGE_PATH = /^\/articles(?:\/|$)/;

/** The error as problem+json, or as a page where people read pages and the client prefers one. */
export async function errorResponse(
  c: Context<AppEnv>,
  details: Problem,
  headers: Record<string, string> = {},
): Promise<Response> {
  const { pathname } = new URL(c.req.url);
  const embedded = EMBED_PATH.exec(pathname);
  if (!embedded && !PAGE_PATH.test(pathname)) return problemResponse(details, headers);
  const offers = embedded ? [MEDIA.html, PROBLEM_JSON] : [PROBLEM_JSON, MEDIA.html];
  if (negotiate(c.req.header("Accept"), offers) !== MEDIA.html) return problemResponse(details, headers);
  const base = c.var.baseUrl ?? new URL(c.req.url).origin;
  const slug = embedded?.[1];
  const links: ErrorPageLink[] = [
    // A withdrawn article links to what replaces it; an embed of an article that exists links to it;
    // the list is always there.
    ...(details.replacedBy ? [{ href: details.replacedBy, text: "Read the article that replaces it" }] : []),
    ...(slug && SLUG.test(slug) && details.status !== 404 && details.status !== 410
      ? [{ href: urls.page(base, slug), text: "Read the article" }]
      : []),
    { href: urls.pages(base), text: "All health articles" },
  ];
  const page = await renderErrorPage(details, links, { framed: embedded !== null });
  return new Response(c.req.method === "HEAD" ? null : page.html, {
    status: details.status,
    headers: {
      ...STANDARD_HEADERS,
      "Content-Type": `${MEDIA.html}; charset=utf-8`,
      "Content-Security-Policy": page.csp,
      // An error now may be content later: never cache it, never index it.
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
      Vary: "Accept",
      ...headers,
    },
  });
}

/** The app's answer to a path no route serves. */
export function notFound(c: Context<AppEnv>): Promise<Response> {
  return errorResponse(c, problem("not-found", `Nothing is served at ${new URL(c.req.url).pathname}.`));
}

/** The app's one error handler: every failure becomes a problem (or its page), and nothing internal reaches it. */
export function onError(error: Error, c: Context<AppEnv>): Promise<Response> {
  if (error instanceof ProblemError) return errorResponse(c, error.problem, error.headers);
  if (error instanceof ContentUnavailable) {
    // For operators: which file and why. The client is told what it cannot have, and when to come back.
    console.error(`${c.req.method} ${c.req.path}: content unavailable: ${error.reason}`);
    return errorResponse(c, problem("unavailable", unavailableDetail(error.part)), {
      "Retry-After": String(UNAVAILABLE_RETRY_SECONDS),
    });
  }
  if (error instanceof HTTPException) {
    const type = problemTypeFor(error.status);
    return errorResponse(c, problem(type, PROBLEM_TYPES[type].about));
  }
  // Unexpected: log it for operators, tell the client nothing internal.
  console.error(`${c.req.method} ${c.req.path}:`, error);
  return errorResponse(c, problem("internal-error", PROBLEM_TYPES["internal-error"].about));
}

/** What a client is told of content it cannot have now: which part, and that nothing else is affected. */
function unavailableDetail(part: ContentPart): string {
  return part.kind === "index"
    ? "The library's index cannot be read, so no article can be served now; try again later."
    : `The article "${part.slug}" cannot be read as it was built, so it cannot be served now; other articles are not affected. Try again later.`;
}

function problemTypeFor(status: number): ProblemType {
  const known = Object.entries(PROBLEM_TYPES).find(([, type]) => type.status === status);
  return known ? (known[0] as ProblemType) : status < 500 ? "invalid-parameters" : "internal-error";
}
