/**
 * The text literals of the graph. Each is the publisher's whole sentences or
 * list items, one per line, never a clause cut out of one: a fact's quote
 * with the qualifiers that make it safe to show on its own.
 */
import type { Block, CareAdvice, Facts, ListItem } from "../content/model";

/** A fact with the qualifiers it may carry (see the content model). */
export interface QualifiedFact {
  quote: string;
  /** The sentences that introduce the quote's list, outermost first. */
  introducedBy?: readonly { quote: string }[];
  scope?: { quote: string };
  evidence?: { quote: string };
  frequency?: { quote: string };
  caveats?: readonly { quote: string }[];
  careAdvice?: string;
}

/** Quotes as one text value, one per line; a quote already inside another is left out. */
export function joinQuotes(quotes: readonly (string | undefined)[]): string {
  const kept: string[] = [];
  for (const quote of quotes) {
    if (quote === undefined || kept.some((other) => other.includes(quote))) continue;
    const wider = kept.filter((other) => !quote.includes(other));
    kept.splice(0, kept.length, ...wider, quote);
  }
  return kept.join("\n");
}

/** Care advice in the publisher's words: the advice, then each condition and what it includes. */
export function careAdviceText(advice: CareAdvice): string {
  return [advice.quote, ...advice.when.flatMap((condition) => [condition.text, ...(condition.includes ?? [])])].join(
    "\n",
  );
}

/**
 * Describes facts in the publisher's words: the sentences introducing its
 * list, who or when a fact applies to, how strong the evidence is, how often,
 * the fact, its caveats and the care advice it leads to.
 */
export function factDescriber(facts: Facts): (fact: QualifiedFact) => string {
  const advice = new Map(facts.careAdvice.map((entry) => [entry.id, entry]));
  return (fact) => {
    const leadsTo = fact.careAdvice === undefined ? undefined : advice.get(fact.careAdvice);
    return joinQuotes([
      // The lead-ins first: a scope or frequency may quote the item itself, which must follow its lead-in.
      ...(fact.introducedBy ?? []).map((leadIn) => leadIn.quote),
      fact.scope?.quote,
      fact.evidence?.quote,
      fact.frequency?.quote,
      fact.quote,
      ...(fact.caveats ?? []).map((caveat) => caveat.quote),
      leadsTo && careAdviceText(leadsTo),
    ]);
  };
}

/**
 * Blocks as plain text: each paragraph and each list item (at any depth) on a
 * line of its own. A caption without its image is left out, as on the page.
 */
export function plainText(blocks: readonly Block[]): string {
  const items = (list: readonly ListItem[]): string[] => list.flatMap((item) => [item.text, ...items(item.items)]);
  return blocks
    .flatMap((block) => {
      if (block.type === "paragraph") return [block.text];
      if (block.type === "list") return items(block.items);
      return block.image ? [block.caption] : [];
    })
    .join("\n");
}
