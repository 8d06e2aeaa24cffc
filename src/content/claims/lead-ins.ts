/**
 * The sentences that introduce a list item. "Dehydration, which lowers your
 * salt levels" is a cause only because its list begins "This includes
 * lifestyle factors, such as:", and a list that begins "Health conditions that
 * can trigger ..." makes each of its items a possible cause: a relation
 * quoting a list item is read with these.
 */
import type { Block, ListItem } from "../model";
import { sentencesOf } from "../publisher-text";

/** A lead-in that begins "This ..." or "These ..." means nothing without the sentence before it. */
const POINTS_BACK = /^(?:This|These|They|It|Such)\b/;

/**
 * For a quote that is a whole list item of `blocks`: the last sentence of the
 * paragraph just before its list, when that sentence ends with a colon (with
 * the sentence before it when it points back to it), then each enclosing
 * item, outermost first. Undefined when the quote is no list item.
 */
export function leadInsOf(blocks: readonly Block[], quote: string): string[] | undefined {
  for (const [index, block] of blocks.entries()) {
    if (block.type !== "list") continue;
    const enclosing = enclosingItems(block.items, quote);
    if (enclosing === undefined) continue;
    const before = blocks[index - 1];
    const sentences = before?.type === "paragraph" ? sentencesOf(before.text) : [];
    const last = sentences.at(-1);
    if (last === undefined || !last.endsWith(":")) return enclosing;
    const antecedent = POINTS_BACK.test(last) ? sentences.at(-2) : undefined;
    return [...(antecedent ? [`${antecedent} ${last}`] : [last]), ...enclosing];
  }
  return undefined;
}

/** The texts of the items enclosing the item whose text is `quote`, outermost first; undefined when none is. */
function enclosingItems(items: readonly ListItem[], quote: string): string[] | undefined {
  for (const item of items) {
    if (item.text === quote) return [];
    const inner = enclosingItems(item.items, quote);
    if (inner !== undefined) return [item.text, ...inner];
  }
  return undefined;
}
