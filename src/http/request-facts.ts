/**
 * What the Worker reads from every request before anything else: its URL
 * and the three headers a stored response depends on. Nothing more, because
 * this runs for every request, and on the stored-response path it is most
 * of the work (measured in BENCHMARKS.md).
 */

/** The request's URL and the headers stored responses depend on. */
export interface RequestFacts {
  url: string;
  /** Length of the path and query (everything after the origin). */
  pathLength: number;
  accept: string | null;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
}

export function readRequest(request: Request): RequestFacts {
  const { url, headers } = request;
  const pathStart = url.indexOf("/", url.indexOf("//") + 2);
  return {
    url,
    pathLength: pathStart < 0 ? 0 : url.length - pathStart,
    accept: headers.get("Accept"),
    ifNoneMatch: headers.get("If-None-Match"),
    ifModifiedSince: headers.get("If-Modified-Since"),
  };
}

/** What a request's answer depends on once it is known to be a stored response: its URL and Accept. */
export function requestKey(url: string, accept: string | null): string {
  return `${url}\n${accept ?? ""}`;
}
