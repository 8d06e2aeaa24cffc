/**
 * Renders each article's whole-article bodies (JSON, JSON-LD, Markdown,
 * page) once for every base URL, into `<out-dir>/bodies/<slug>/`, so the
 * Worker answers an article it has not seen by reading bytes
 * (src/content/article-bodies.ts). Runs after the content build, from the
 * index and article files it wrote.
 *
 *   tsx scripts/bodies/build-article-bodies.ts [--out-dir build/assets/_content]
 *
 * Incremental: an article's bodies are rendered again only when its article
 * file or the renderer (the modules that render them, the lockfile, Node.js) changed;
 * each body file's first line says what it was rendered from. Every body
 * rendered is checked against rendering with a real base, so a template
 * never stands for bytes the Worker would not render itself.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ARTICLE_BODY_KINDS, articleBodyHeader, encodeArticleBody } from "../../src/content/article-bodies";
import { CONTENT_ASSETS, CONTENT_FILES } from "../../src/content/content-assets";
import type { CompiledEntry, IndexedArticle, LibraryIndex } from "../../src/content/model";
import { checkTemplate, PLACEHOLDER_BASE, templateOf } from "../../src/lib/body-template";
import { WHOLE_ARTICLE_BODIES } from "../../src/responses/article";
import { moduleFingerprint } from "../source-fingerprint";
import { writeIfChanged } from "../write-if-changed";

/** A base with every kind of character a fillable base may hold, to check templates against. */
const CHECK_BASE = "http://check-1.example:8788/a_b~c.d-e/f";
/** What renders and writes the bodies: this script and every module it imports (src/responses/article.ts...). */
const RENDERER = await moduleFingerprint(import.meta.filename);

/** The order an article's bodies are written in: the last one's header vouches for all (`isCurrent`). */
const WRITE_ORDER = ARTICLE_BODY_KINDS;

const { values } = parseArgs({
  options: { "out-dir": { type: "string", default: join("build/assets", CONTENT_ASSETS) } },
});
const outDir = resolve(values["out-dir"] as string);
/** Asset paths are absolute under the assets' root; the content files sit under CONTENT_ASSETS there. */
const file = (assetPath: string) => join(outDir, assetPath.slice(CONTENT_ASSETS.length));

const started = performance.now();
const index: LibraryIndex = JSON.parse(readFileSync(file(CONTENT_FILES.libraryIndex), "utf8"));
let rendered = 0;
let written = 0;
for (const indexed of index.articles) {
  if (isCurrent(indexed)) continue;
  written += await renderBodies(indexed);
  rendered++;
}
const removed = removeStaleBodies(index.articles.map((article) => article.slug));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `bodies: ${rendered} article(s) rendered (${written} file(s) written), ` +
    `${index.articles.length - rendered} unchanged, ${removed} removed article(s)' bodies deleted (${seconds} s)`,
);

/**
 * Whether the article's bodies were rendered from this article file by this renderer: read from
 * the header of the body written last (`renderBodies`), the others only found to exist. A body the
 * Worker finds stale anyway is rendered from the article instead (src/content/article-bodies.ts).
 */
function isCurrent(indexed: IndexedArticle): boolean {
  const [last, ...others] = WRITE_ORDER.toReversed();
  if (!last || !others.every((kind) => existsSync(file(CONTENT_FILES.body(indexed.slug, kind))))) return false;
  const header = articleBodyHeader(fileHead(file(CONTENT_FILES.body(indexed.slug, last))));
  return header?.article === indexed.files.article && header.renderer === RENDERER;
}

/** Renders and writes the article's bodies; how many files changed. */
async function renderBodies(indexed: IndexedArticle): Promise<number> {
  const { slug } = indexed;
  const entry: CompiledEntry = JSON.parse(readFileSync(file(CONTENT_FILES.article(slug)), "utf8"));
  let changed = 0;
  for (const kind of WRITE_ORDER) {
    const { render } = WHOLE_ARTICLE_BODIES[kind];
    const body = await render(entry, PLACEHOLDER_BASE);
    const check = await render(entry, CHECK_BASE);
    if (!checkTemplate(body.text, check.text, CHECK_BASE)) {
      throw new Error(`${slug} ${kind}: a base filled into its template differs from rendering with that base`);
    }
    const header = { article: indexed.files.article, renderer: RENDERER, headers: body.headers ?? {} };
    const bytes = await encodeArticleBody(header, templateOf(body.text));
    if (writeIfChanged(file(CONTENT_FILES.body(slug, kind)), bytes)) changed++;
  }
  return changed;
}

/** The start of a file, up to its first line's end: enough for its header without reading the body. */
function fileHead(path: string): Uint8Array {
  if (!existsSync(path)) return new Uint8Array();
  const fd = openSync(path, "r");
  try {
    let head = Buffer.alloc(0);
    const chunk = Buffer.alloc(4096);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      head = Buffer.concat([head, chunk.subarray(0, read)]);
      if (chunk.subarray(0, read).includes(0x0a)) break;
    }
    return head;
  } finally {
    closeSync(fd);
  }
}

/** Deletes the bodies of articles no longer in the index: every file under the assets is deployed. */
function removeStaleBodies(slugs: readonly string[]): number {
  const dir = join(outDir, "bodies");
  if (!existsSync(dir)) return 0;
  const kept = new Set(slugs);
  let removed = 0;
  for (const slug of readdirSync(dir)) {
    if (kept.has(slug)) continue;
    rmSync(join(dir, slug), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
