/**
 * The article's urgent care advice, as every renderer of a fragment shows it:
 * the advice a reader would not otherwise see, in the publisher's words.
 * Plain TypeScript with no runtime imports, so the browser element shares it.
 */
import type { UrgentCareAdvice } from "../api/schemas";
import type { Block } from "../content/model";

/** The box's heading: a label this service writes, not the publisher's words. */
export const URGENT_ADVICE_HEADING = "When to get urgent help";

interface SectionTree {
  id: string;
  sections: readonly SectionTree[];
}

/**
 * Where a form shows the urgent advice box, and what it holds. A whole
 * article opens with all of it, right after its title and credit line, and
 * keeps each piece in its own section too; a fragment adds, before its
 * disclaimer, the pieces its sections do not show.
 */
export function urgentAdviceBoxes<Advice extends Pick<UrgentCareAdvice, "section">>(
  advice: readonly Advice[],
  shown: readonly SectionTree[],
  whole: boolean,
): { opening: Advice[]; closing: Advice[] } {
  return whole ? { opening: [...advice], closing: [] } : { opening: [], closing: urgentAdviceToAdd(advice, shown) };
}

/** The urgent advice a fragment must add: each piece whose section is not among the sections shown. */
function urgentAdviceToAdd<Advice extends Pick<UrgentCareAdvice, "section">>(
  advice: readonly Advice[],
  shown: readonly SectionTree[],
): Advice[] {
  const shownIds = new Set<string>();
  const collect = (sections: readonly SectionTree[]) => {
    for (const section of sections) {
      shownIds.add(section.id);
      collect(section.sections);
    }
  };
  collect(shown);
  return advice.filter((item) => !shownIds.has(item.section));
}

/** One piece of advice as article blocks: its sentences, then the list of when it applies. */
export function urgentAdviceBlocks(advice: Pick<UrgentCareAdvice, "quote" | "when">): Block[] {
  const when: Block[] =
    advice.when.length > 0
      ? [
          {
            type: "list",
            ordered: false,
            items: advice.when.map((condition) => ({
              text: condition.text,
              items: (condition.includes ?? []).map((text) => ({ text, items: [] })),
            })),
          },
        ]
      : [];
  return [{ type: "paragraph", text: advice.quote }, ...when];
}
