/**
 * The images of build/assets: each article's social card and the favicon,
 * drawn only when what they are drawn from changed (card-manifest.ts), and a
 * removed article's card deleted (every file in build/assets is deployed and
 * served). A build that changes no image loads no drawing library.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { ASSET_PATHS } from "../../src/api/asset-paths";
import { CONTENT_FILES } from "../../src/content/content-assets";
import type { LibraryIndex } from "../../src/content/model";
import { writeIfChanged } from "../write-if-changed";
import { ImageManifest } from "./card-manifest";
import { type CardJob, drawCards } from "./draw-cards";

export interface ImageOptions {
  /** The assets folder: the content build's index is in its `_content/`, and the images go in it. */
  out: string;
  /** The manifest of what the images were drawn from. */
  manifest: string;
  threads: number;
}

export interface ImageReport {
  cards: number;
  /** The slugs whose cards were drawn, and those whose cards were deleted. */
  drawn: string[];
  removed: string[];
  faviconDrawn: boolean;
}

/** Cards drawn between saves of the manifest, so an interrupted cold build keeps what it drew. */
const SAVE_EVERY = 1000;

export async function buildImages({ out, manifest, threads }: ImageOptions): Promise<ImageReport> {
  // The content build wrote the index beside the articles (npm run build runs it first).
  const index = JSON.parse(readFileSync(join(out, CONTENT_FILES.libraryIndex), "utf8")) as LibraryIndex;
  const images = new ImageManifest(manifest);
  const jobs: (CardJob & { key: string })[] = [];
  for (const article of index.articles) {
    const text = { title: article.title, attribution: article.attribution, site: article.publisher.name };
    const key = images.cardKey(text);
    const path = join(out, ASSET_PATHS.socialCard(article.slug));
    if (!images.hasCard(article.slug, key, path)) jobs.push({ slug: article.slug, text, path, key });
  }
  const drawn: string[] = [];
  try {
    await drawCards(jobs, threads, (job, bytes) => {
      images.setCard(job.slug, { key: job.key, bytes });
      if (drawn.push(job.slug) % SAVE_EVERY === 0) images.save();
    });
  } finally {
    images.save();
  }
  const slugs = new Set(index.articles.map((article) => article.slug));
  const removed = removeCards(out, slugs);
  images.keepCards(slugs);
  const faviconDrawn = await drawFavicon(out, images);
  images.save();
  return { cards: slugs.size, drawn, removed, faviconDrawn };
}

/** Deletes the cards of articles not in `slugs`; their slugs. */
function removeCards(out: string, slugs: ReadonlySet<string>): string[] {
  const folder = dirname(join(out, ASSET_PATHS.socialCard("any")));
  const removed: string[] = [];
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    const slug = name.replace(/\.png$/, "");
    if (slugs.has(slug) && join(out, ASSET_PATHS.socialCard(slug)) === join(folder, name)) continue;
    rmSync(join(folder, name));
    removed.push(slug);
  }
  return removed;
}

/** Draws the favicon unless it was drawn with this template; whether it was. */
async function drawFavicon(out: string, images: ImageManifest): Promise<boolean> {
  const file = join(out, ASSET_PATHS.favicon);
  if (images.hasFavicon(file)) return false;
  const { favicon } = await import("../social/images");
  writeIfChanged(file, await favicon());
  images.setFavicon({ key: images.faviconKey, bytes: statSync(file).size });
  return true;
}
