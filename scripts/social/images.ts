/**
 * The service's images, drawn at build time from text alone: a social card
 * per article (1200x630 PNG: its title and the publisher's attribution, no
 * picture the publisher did not supply) and the favicon. Laid out by satori
 * and rasterised by resvg; the typeface is Source Sans 3 (SIL Open Font Licence).
 */
import { readFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";

import { SOCIAL_CARD_SIZE as CARD_SIZE } from "../../src/api/asset-paths";
import { FONT_FILES } from "./fonts";

const ACCENT = "#005eb8";
const INK = "#1b1b1b";
const MUTED = "#4c6272";

const fontFile = (weight: 400 | 700) => readFileSync(FONT_FILES[weight]);
const FONTS = [
  { name: "Source Sans 3", data: fontFile(400), weight: 400 as const, style: "normal" as const },
  { name: "Source Sans 3", data: fontFile(700), weight: 700 as const, style: "normal" as const },
];

/** satori's input: elements as plain objects, no React needed. */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}
const box = (style: Node["props"]["style"], ...children: (Node | string)[]): Node => ({
  type: "div",
  props: { style: { display: "flex", ...style }, children },
});

async function png(node: Node, width: number, height: number): Promise<Uint8Array> {
  const svg = await satori(node as unknown as Parameters<typeof satori>[0], { width, height, fonts: FONTS });
  return new Resvg(svg, { fitTo: { mode: "width", value: width } }).render().asPng();
}

export interface CardText {
  title: string;
  attribution: string;
  site: string;
}

/** An article's card: its title, the attribution line and the site's name, on a plain ground. */
export function socialCard({ title, attribution, site }: CardText): Promise<Uint8Array> {
  return png(
    box(
      { width: "100%", height: "100%", background: "#ffffff", fontFamily: "Source Sans 3" },
      box({ width: 28, height: "100%", background: ACCENT }),
      box(
        { flexDirection: "column", justifyContent: "space-between", padding: "72px 80px", flex: 1 },
        box(
          { flexDirection: "column" },
          box({ fontSize: 30, color: ACCENT, fontWeight: 700, marginBottom: 24 }, "Patient information"),
          box({ fontSize: 84, lineHeight: 1.1, color: INK, fontWeight: 700, lineClamp: 3 }, title),
        ),
        box(
          { flexDirection: "column" },
          box({ fontSize: 32, lineHeight: 1.3, color: INK, marginBottom: 16, lineClamp: 2 }, attribution),
          box({ fontSize: 28, color: MUTED }, site),
        ),
      ),
    ),
    CARD_SIZE.width,
    CARD_SIZE.height,
  );
}

/** The favicon: the service's initial on its accent colour, as a 32x32 PNG inside an ICO file. */
export async function favicon(): Promise<Uint8Array> {
  const image = await png(
    box(
      {
        width: "100%",
        height: "100%",
        background: ACCENT,
        borderRadius: 6,
        alignItems: "center",
        justifyContent: "center",
        color: "#ffffff",
        fontSize: 26,
        fontWeight: 700,
        fontFamily: "Source Sans 3",
      },
      "H",
    ),
    32,
    32,
  );
  return icoOf(image, 32);
}

/**
 * An ICO file holding one PNG image (Windows Vista and every browser since
 * read PNG entries): a 6-byte header and one 16-byte directory entry. Written
 * here rather than with a package: it is these 22 bytes.
 */
function icoOf(image: Uint8Array, size: number): Uint8Array {
  const header = new DataView(new ArrayBuffer(22));
  header.setUint16(2, 1, true); // type: icon
  header.setUint16(4, 1, true); // one image
  header.setUint8(6, size);
  header.setUint8(7, size);
  header.setUint16(10, 1, true); // colour planes
  header.setUint16(12, 32, true); // bits per pixel
  header.setUint32(14, image.length, true);
  header.setUint32(18, 22, true); // the image follows the directory
  const file = new Uint8Array(22 + image.length);
  file.set(new Uint8Array(header.buffer), 0);
  file.set(image, 22);
  return file;
}
