/**
 * The font files the images are drawn with (Source Sans 3, SIL Open Font
 * Licence), apart from the drawing code so the build can fingerprint them
 * without loading it (scripts/assets/card-manifest.ts).
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const FONTS = dirname(createRequire(import.meta.url).resolve("@fontsource/source-sans-3/package.json"));

export const FONT_FILES = {
  400: join(FONTS, "files/source-sans-3-latin-400-normal.woff"),
  700: join(FONTS, "files/source-sans-3-latin-700-normal.woff"),
} as const;
