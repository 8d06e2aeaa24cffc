/**
 * The content routes that `npm run bench` measures. Add a route by adding a
 * line: `headers` are sent with every request to both Workers (for example
 * `Accept: text/markdown` to measure a Markdown variant), and `label` names
 * the row when the path alone is ambiguous.
 */
export interface BenchRoute {
  /** Path and query, exactly as a client would request it. */
  readonly path: string;
  /** Request headers besides Host. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Row name; defaults to the path plus any headers. */
  readonly label?: string;
}

export const BENCH_ROUTES: readonly BenchRoute[] = [
  { path: "/v1/articles" },
  { path: "/v1/articles/leg-cramps" },
  { path: "/v1/articles/leg-cramps/sections/calf-extension" },
  { path: "/v1/conditions/leg-cramps" },
  { path: "/", label: "/ (service index)" },
  { path: "/v1/articles/leg-cramps/jsonld" },
  { path: "/v1/articles/leg-cramps", headers: { Accept: "text/markdown" }, label: "/v1/articles/leg-cramps (md)" },
  { path: "/articles/leg-cramps" },
  { path: "/embed/leg-cramps" },
  { path: "/embed.js" },
  { path: `/oembed?url=${encodeURIComponent("http://bench.localhost/articles/leg-cramps")}`, label: "/oembed" },
];

/** The soak's mix (`npm run bench -- --soak`): every route above, and more variants of the same content. */
export const SOAK_ROUTES: readonly BenchRoute[] = [
  ...BENCH_ROUTES,
  { path: "/v1/articles/leg-cramps", headers: { Accept: "application/ld+json" }, label: "article (ld+json)" },
  { path: "/v1/articles/leg-cramps?sections=calf-extension,quinine-for-leg-cramps" },
  { path: "/v1/articles/leg-cramps/sections/heel-walk" },
  { path: "/v1/articles?pageSize=10" },
  { path: "/embed/leg-cramps?theme=dark" },
  { path: "/sitemap.xml" },
];

/** The name shown for a route in tables and JSON. */
export function routeLabel(route: BenchRoute): string {
  if (route.label) return route.label;
  const headers = Object.entries(route.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  return headers.length > 0 ? `${route.path} [${headers.join("; ")}]` : route.path;
}
