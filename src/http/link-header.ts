/** RFC 8288 `Link` header from named links (all but `self`): a paged collection's `first`, `last`, `next`, `prev`. */
export function linkHeader(links: Record<string, string>): string {
  return Object.entries(links)
    .filter(([rel]) => rel !== "self")
    .map(([rel, url]) => `<${url}>; rel="${rel}"`)
    .join(", ");
}
