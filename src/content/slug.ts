/**
 * Slugs: the stable, URL-safe ids of articles, sections and graph nodes.
 * Declared once for the compiler, the model, the query parameters and the
 * browser element; no runtime imports, so the element can share it.
 */

/** One slug: lowercase letters and digits in words joined by single hyphens. */
export const SLUG_SOURCE = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const SLUG = new RegExp(`^${SLUG_SOURCE}$`);

/** The slug of a heading or a name: its words, lowercased, accents and apostrophes dropped, hyphenated. */
export function slugOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'‘]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
