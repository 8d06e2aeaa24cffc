/**
 * What the social cards and the favicon in build/assets were drawn from, so
 * the build draws an image again only when that changed. An image's key is
 * a hash of what it is drawn from: for a card the text `socialCard()` is
 * given (title, attribution, site), and for every image the template's
 * fingerprint: scripts/social/images.ts, the card size it reads, the font
 * files (scripts/social/fonts.ts) and the lockfile (satori's, resvg's and
 * the fonts' versions). An image
 * is kept when its key is the one recorded and its file is still there, at
 * the size recorded.
 *
 * The manifest is build/images.json by default: git-ignored with the rest
 * of build/, and outside build/assets, whose every file is deployed and served.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { FONT_FILES } from "../social/fonts";
import type { CardText } from "../social/images";

const ROOT = resolve(import.meta.dirname, "../..");
/** The template: the drawing code, the card size it reads, the fonts and the libraries' versions. */
const TEMPLATE = [
  join(ROOT, "scripts/social/images.ts"),
  join(ROOT, "scripts/social/fonts.ts"),
  join(ROOT, "src/api/asset-paths.ts"),
  ...Object.values(FONT_FILES),
  join(ROOT, "package-lock.json"),
];

/** A drawn image: its key, and its file's size when written. */
export interface DrawnImage {
  key: string;
  bytes: number;
}

interface Manifest {
  cards: Record<string, DrawnImage>;
  favicon?: DrawnImage;
}

export class ImageManifest {
  private readonly fingerprint = templateFingerprint();
  private readonly manifest: Manifest;

  constructor(readonly file: string) {
    try {
      this.manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    } catch {
      this.manifest = { cards: {} };
    }
  }

  /** The key of a card drawn from `text`. */
  cardKey({ title, attribution, site }: CardText): string {
    return hash(`${this.fingerprint}\0card\0${JSON.stringify([title, attribution, site])}`);
  }

  /** The favicon's key: only the template draws it. */
  get faviconKey(): string {
    return hash(`${this.fingerprint}\0favicon`);
  }

  /** Whether `slug`'s card at `path` was drawn for `key`. */
  hasCard(slug: string, key: string, path: string): boolean {
    return current(this.manifest.cards[slug], key, path);
  }

  hasFavicon(path: string): boolean {
    return current(this.manifest.favicon, this.faviconKey, path);
  }

  setCard(slug: string, image: DrawnImage): void {
    this.manifest.cards[slug] = image;
  }

  setFavicon(image: DrawnImage): void {
    this.manifest.favicon = image;
  }

  /** Keeps only the cards of `slugs` (the library's articles). */
  keepCards(slugs: ReadonlySet<string>): void {
    for (const slug of Object.keys(this.manifest.cards)) if (!slugs.has(slug)) delete this.manifest.cards[slug];
  }

  /** Writes the manifest atomically (a temporary file, then a rename). */
  save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.partial`;
    writeFileSync(temporary, JSON.stringify(this.manifest));
    renameSync(temporary, this.file);
  }
}

function current(image: DrawnImage | undefined, key: string, path: string): boolean {
  if (image?.key !== key) return false;
  try {
    return statSync(path).size === image.bytes;
  } catch {
    return false;
  }
}

function templateFingerprint(): string {
  const digest = createHash("sha256");
  for (const file of TEMPLATE) digest.update(`\0${relative(ROOT, file)}\0`).update(readFileSync(file));
  return digest.digest("hex");
}

function hash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
