/**
 * An article's whole-article bodies as the build rendered them
 * (scripts/content/article-bodies.ts): its JSON, JSON-LD, Markdown and page,
 * each a template with the base URL left out (src/lib/body-template.ts), in
 * a file of its own beside the article's. One file is a line of JSON saying
 * what it was rendered from and where the base goes, then the bytes.
 *
 * The Worker serves a body from its file only when the file names the
 * article file the index names and its bytes hash to what it says; anything
 * else (absent, another build's, damaged) is rendered from the article
 * instead, so a bad body file costs time, never a wrong or failed answer.
 */
import { type BaseForm, type BodyTemplate, type Bytes, concat, isBaseForm, utf8 } from "../lib/body-template";
import { sha256Hex } from "../lib/sha256";
import { type AssetReader, readAsset } from "./article-files";
import { CONTENT_FILES } from "./content-assets";
import { ContentUnavailable } from "./content-unavailable";
import type { IndexedArticle } from "./model";

/** The whole-article bodies the build renders, by the name of their file. */
export const ARTICLE_BODY_KINDS = ["json", "jsonld", "markdown", "page"] as const;
export type ArticleBodyKind = (typeof ARTICLE_BODY_KINDS)[number];

/** The first line of a body file. */
export interface ArticleBodyHeader {
  /** The SHA-256 of the article file it was rendered from (the index's `files.article`). */
  article: string;
  /** The fingerprint of the renderer that rendered it: the build re-renders when it changes. */
  renderer: string;
  /** SHA-256 (hex) of the bytes after this line. */
  sha256: string;
  /** Where the base goes: byte offsets into those bytes, ascending, with the base's form. */
  holes: [number, BaseForm][];
  /** Headers the body is served with that rendering decided (a page's own CSP). */
  headers: Record<string, string>;
}

/** A body read from its file, ready to be filled with a base. */
export interface StoredArticleBody {
  template: BodyTemplate;
  headers: Record<string, string>;
}

const decoder = new TextDecoder();
const NEWLINE = 0x0a;

/** A body file's bytes: its header, then its template's parts joined. */
export async function encodeArticleBody(
  header: Omit<ArticleBodyHeader, "holes" | "sha256">,
  template: Pick<BodyTemplate, "parts" | "holes">,
): Promise<Bytes> {
  const holes: [number, BaseForm][] = [];
  let offset = 0;
  template.parts.forEach((part, index) => {
    offset += part.byteLength;
    const hole = template.holes[index];
    if (hole) holes.push([offset, hole]);
  });
  const body = concat(template.parts);
  const full: ArticleBodyHeader = { ...header, sha256: await sha256Hex(body), holes };
  return concat([utf8(`${JSON.stringify(full)}\n`), body]);
}

/** The header of a body file's bytes, or undefined when they have none. */
export function articleBodyHeader(bytes: Uint8Array): ArticleBodyHeader | undefined {
  const end = bytes.indexOf(NEWLINE);
  if (end < 0) return undefined;
  try {
    return JSON.parse(decoder.decode(bytes.subarray(0, end))) as ArticleBodyHeader;
  } catch {
    return undefined;
  }
}

/** The article's body of `kind` from its file, or why the file cannot stand for it. */
export async function readArticleBody(
  assets: AssetReader,
  indexed: IndexedArticle,
  kind: ArticleBodyKind,
): Promise<StoredArticleBody | { unusable: string }> {
  const path = CONTENT_FILES.body(indexed.slug, kind);
  let bytes: Bytes;
  try {
    bytes = new Uint8Array(await readAsset(assets, path, { kind: "article", slug: indexed.slug }));
  } catch (error) {
    return { unusable: error instanceof ContentUnavailable ? error.reason : `${path}: ${String(error)}` };
  }
  const header = articleBodyHeader(bytes);
  if (header?.article !== indexed.files.article) return { unusable: `${path}: not rendered from this article file` };
  const body = bytes.subarray(bytes.indexOf(NEWLINE) + 1);
  if ((await sha256Hex(body)) !== header.sha256) return { unusable: `${path}: its bytes are not the ones it names` };
  return templateIn(body, header) ?? { unusable: `${path}: its header does not describe its bytes` };
}

/** The template the header describes in `body`; undefined when its holes or headers are not what a build writes. */
function templateIn(body: Bytes, header: ArticleBodyHeader): StoredArticleBody | undefined {
  if (!Array.isArray(header.holes) || !isHeaders(header.headers)) return undefined;
  const parts: Bytes[] = [];
  const holes: BaseForm[] = [];
  let from = 0;
  for (const [offset, form] of header.holes) {
    if (!(offset >= from && offset <= body.byteLength) || !isBaseForm(form)) return undefined;
    parts.push(body.subarray(from, offset));
    holes.push(form);
    from = offset;
  }
  parts.push(body.subarray(from));
  // The holes are part of what the bytes mean: a template's identity covers both.
  const identity = `${header.sha256}:${header.holes.map(([offset, form]) => `${offset}${form}`).join(",")}`;
  return { template: { parts, holes, identity }, headers: header.headers };
}

function isHeaders(headers: unknown): headers is Record<string, string> {
  return typeof headers === "object" && headers !== null && Object.values(headers).every((v) => typeof v === "string");
}
