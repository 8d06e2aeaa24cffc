import { notAcceptable } from "./problem";

/**
 * Proactive content negotiation on `Accept` (RFC 9110 §12.5.1). Written out
 * rather than Hono's `accepts` helper because a 406 needs to know that nothing
 * matched, where `accepts` falls back to a default.
 */

interface Range {
  type: string;
  subtype: string;
  quality: number;
}

function parseAccept(header: string): Range[] {
  return header.split(",").flatMap((part) => {
    const [mediaRange = "", ...params] = part.split(";").map((piece) => piece.trim());
    const [type, subtype] = mediaRange.toLowerCase().split("/");
    if (!type || !subtype) return [];
    let quality = 1;
    for (const param of params) {
      const [name, value] = param.split("=").map((piece) => piece.trim());
      if (name?.toLowerCase() === "q") {
        const parsed = Number(value);
        quality = Number.isFinite(parsed) ? Math.min(1, Math.max(0, parsed)) : 0;
      }
    }
    return [{ type, subtype, quality }];
  });
}

/** How much the client wants `offer`: the quality of the most specific range that matches it. */
function qualityOf(offer: string, ranges: Range[]): number {
  const [type, subtype] = offer.split("/");
  let best: { specificity: number; quality: number } | undefined;
  for (const range of ranges) {
    const specificity =
      range.type === type && range.subtype === subtype
        ? 3
        : range.type === type && range.subtype === "*"
          ? 2
          : range.type === "*" && range.subtype === "*"
            ? 1
            : 0;
    if (specificity > 0 && (!best || specificity > best.specificity)) best = { specificity, quality: range.quality };
  }
  return best?.quality ?? 0;
}

/**
 * The offered media type the client prefers, ties going to the earlier offer;
 * the first offer when there is no Accept header; undefined when none is acceptable.
 */
export function negotiate(accept: string | undefined, offers: readonly string[]): string | undefined {
  if (accept === undefined || accept.trim() === "") return offers[0];
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return offers[0];
  let chosen: { offer: string; quality: number } | undefined;
  for (const offer of offers) {
    const quality = qualityOf(offer, ranges);
    if (quality > 0 && (!chosen || quality > chosen.quality)) chosen = { offer, quality };
  }
  return chosen?.offer;
}

/** The offered media type to serve for this request, or a 406 problem listing the offers. */
export function chooseMedia<const Offer extends string>(accept: string | undefined, offers: readonly Offer[]): Offer {
  const chosen = negotiate(accept, offers);
  const offer = offers.find((candidate) => candidate === chosen);
  if (offer === undefined) notAcceptable(offers);
  return offer;
}
