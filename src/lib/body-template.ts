/**
 * A response body rendered once for every base URL: rendered with a
 * placeholder base, then stored as its bytes with the places the base goes.
 * The build renders whole articles this way (scripts/bodies/build-article-bodies.ts),
 * so a Worker that has never seen an article serves it by reading its
 * bytes and filling in its base, without parsing or rendering anything.
 *
 * A base appears in a body in two forms: as written (links) and
 * percent-encoded inside another URL's query (the oEmbed discovery link).
 * The build checks, for every body, that filling in a base gives the bytes
 * rendering with that base gives (`checkTemplate`); a base with characters
 * some output would escape differently is never filled in (`fillableBase`).
 */
import { base64url } from "./base64";

/** The base bodies are rendered with; nothing escapes its characters (content holding it would fail `checkTemplate`). */
export const PLACEHOLDER_BASE = "https://base-url-placeholder.invalid";

/** The forms a base takes in a body, each found by its placeholder's form. */
const FORMS = {
  raw: (base: string) => base,
  encoded: (base: string) => encodeURIComponent(base),
} as const;
export type BaseForm = keyof typeof FORMS;
const FORM_NAMES = Object.keys(FORMS) as BaseForm[];

export function isBaseForm(name: unknown): name is BaseForm {
  return FORM_NAMES.includes(name as BaseForm);
}

/** Bytes over an ArrayBuffer of their own (never a SharedArrayBuffer): what Blob and crypto.subtle take. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** A body with its base taken out: `parts[i]`, then the base in `holes[i]`'s form, then `parts[i + 1]`... */
export interface BodyTemplate {
  readonly parts: readonly Bytes[];
  readonly holes: readonly BaseForm[];
  /** Names the template: it changes whenever its parts or its holes do. */
  readonly identity: string;
}

/**
 * Bases every output writes exactly as given: an http(s) origin of letters,
 * digits, dots and hyphens, an optional port and path of unreserved characters.
 * Any other base (an IPv6 literal, a path with `%` or `&`) is rendered for itself.
 */
const FILLABLE_BASE = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~-]+)*$/;

export function fillableBase(base: string): boolean {
  return FILLABLE_BASE.test(base);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 of `text`: TextEncoder always answers with a fresh ArrayBuffer of its own, which its type does not say. */
export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

/** The template of a body rendered with PLACEHOLDER_BASE. */
export function templateOf(rendered: string): Omit<BodyTemplate, "identity"> {
  const pattern = new RegExp(FORM_NAMES.map((form) => escapeRegExp(FORMS[form](PLACEHOLDER_BASE))).join("|"), "g");
  const byPlaceholder = new Map(FORM_NAMES.map((form) => [FORMS[form](PLACEHOLDER_BASE), form]));
  const parts: Bytes[] = [];
  const holes: BaseForm[] = [];
  let from = 0;
  for (const match of rendered.matchAll(pattern)) {
    parts.push(utf8(rendered.slice(from, match.index)));
    holes.push(byPlaceholder.get(match[0]) as BaseForm);
    from = match.index + match[0].length;
  }
  parts.push(utf8(rendered.slice(from)));
  return { parts, holes };
}

/** The body for `base`, which must be `fillableBase`. */
export function fillTemplate(template: Pick<BodyTemplate, "parts" | "holes">, base: string): Bytes[] {
  const forms = Object.fromEntries(FORM_NAMES.map((form) => [form, utf8(FORMS[form](base))]));
  const body: Bytes[] = [];
  template.parts.forEach((part, index) => {
    body.push(part);
    const hole = template.holes[index];
    if (hole) body.push(forms[hole] as Bytes);
  });
  return body;
}

/**
 * Whether filling `base` into the template of what rendering with the
 * placeholder gave is exactly what rendering with `base` gives: the build's
 * proof that a stored template stands for the renderer, body by body.
 */
export function checkTemplate(renderedWithPlaceholder: string, renderedWithBase: string, base: string): boolean {
  const filled = fillTemplate(templateOf(renderedWithPlaceholder), base);
  return decoder.decode(concat(filled)) === renderedWithBase;
}

/** The strong ETag of a template filled with `base`: a function of both, so it changes whenever the bytes do. */
export async function filledEtag(template: Pick<BodyTemplate, "identity">, base: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(`${template.identity}\n${base}`));
  return `"${base64url(new Uint8Array(digest))}"`;
}

export function concat(parts: readonly Bytes[]): Bytes {
  const bytes = new Uint8Array(parts.reduce((length, part) => length + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
