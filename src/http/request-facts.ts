/**
 * What the Worker reads from a request before routing, in one pass over its
 * headers: the size checks need to walk them all anyway, and on the stored-
 * response path each header lookup is a measurable share of the work.
 */

/** The request headers the gates and stored responses depend on, plus sizes. */
export interface RequestFacts {
  url: string;
  /** Length of the path and query (everything after the origin). */
  pathLength: number;
  /** Total length of header names and values. */
  headerBytes: number;
  accept: string | null;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  /** The client's address (CF-Connecting-IP, set by Cloudflare's edge and wrangler dev). */
  client: string | null;
}

export function readRequest(request: Request): RequestFacts {
  const { url } = request;
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  const facts: RequestFacts = {
    url,
    pathLength: pathStart < 0 ? 0 : url.length - pathStart,
    headerBytes: 0,
    accept: null,
    ifNoneMatch: null,
    ifModifiedSince: null,
    client: null,
  };
  // forEach, not for...of: workerd then makes no iterator or [name, value]
  // pair per header, and the pass costs what four `get` calls do (measured
  // in BENCHMARKS.md). Header names arrive lower-cased.
  request.headers.forEach((value, name) => {
    facts.headerBytes += name.length + value.length;
    if (name === "accept") facts.accept = value;
    else if (name === "if-none-match") facts.ifNoneMatch = value;
    else if (name === "if-modified-since") facts.ifModifiedSince = value;
    else if (name === "cf-connecting-ip") facts.client = value;
  });
  return facts;
}

/** What a request's answer depends on once it is known to be a stored response: its URL and Accept. */
export function requestKey(url: string, accept: string | null): string {
  return `${url}\n${accept ?? ""}`;
}
