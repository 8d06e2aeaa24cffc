/**
 * The rule that keeps a relation no stronger than its sentence. The words
 * that weaken or limit a claim (a hedge, a past tense, a condition, a
 * negation) are found in the sentences that state the relation (its quote
 * and the lead-ins of its list), and each must be declared: a hedge by the
 * modality `possible`, a past tense by `historical`, a condition by a
 * `scope` or a label that says it, a negation by a label that says it. The
 * modality must stand on the words too: `possible` needs a hedge, `historical`
 * a past tense, `theory` and `no-clear-evidence` the publisher's sentence
 * saying so. A label may not add a condition or a negation the sentences do
 * not have. Relations that are not asserted (theory, no clear evidence,
 * historical) may hold any words: no schema.org property states them.
 *
 * The lists are English and deliberately short: a word that matches but
 * qualifies nothing is explained in the relation's `notModal`, so every
 * exception is written down beside the fact it concerns.
 */
import type { Modality } from "../model";
import type { RelationFact } from "./relations";

export type MarkerKind = "hedge" | "past tense" | "condition" | "negation";

const MARKERS: Record<MarkerKind, RegExp> = {
  hedge:
    /\b(?:may|might|could|can(?!'t)|usually|sometimes|possibly|perhaps|some people|in some cases|(?<!\b(?:more|less|most) )likely)\b/g,
  "past tense": /\b(?:was|were|had|has been|have been|first used|(?<!\b(?:is|are|be|been|being) )used to)\b/g,
  condition: /\b(?:if|unless|when|whenever|especially|particularly|only|except|provided that|in people with)\b/g,
  negation: /\b(?:not|no|never|nor|none|neither|cannot|\w+n't)\b/g,
};

/** Modalities a schema.org property may state; the others are never asserted, so any words may qualify them. */
const ASSERTED: ReadonlySet<Modality> = new Set(["affirmed", "possible"]);

/** What the publisher's sentence must say for each unasserted strength of evidence. */
const EVIDENCE_WORDS: Partial<Record<Modality, RegExp>> = {
  theory: /\btheor(?:y|ies)\b/,
  "no-clear-evidence": /\bno clear evidence\b|\bnot (?:yet )?clear\b|\bunclear\b/,
};

/** Lower case, with typographic apostrophes as ASCII, and "whether or not" (no negation) left out. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\bwhether or not\b/g, "whether");
}

/** The marker words of a text, each with its kind, as the rule finds them (lower case). */
export function markersIn(text: string): Map<string, MarkerKind> {
  const found = new Map<string, MarkerKind>();
  const normalised = normalise(text);
  for (const [kind, pattern] of Object.entries(MARKERS) as [MarkerKind, RegExp][]) {
    for (const [word] of normalised.matchAll(pattern)) if (!found.has(word)) found.set(word, kind);
  }
  return found;
}

function hasMarker(texts: readonly (string | undefined)[], kind: MarkerKind): boolean {
  return texts.some((text) => text !== undefined && [...markersIn(text).values()].includes(kind));
}

/** The labels this service wrote for the relation: its name or action, and its scope's label. */
function labelsOf(fact: RelationFact): string[] {
  return [fact.name, fact.action, fact.scope?.label].flatMap((label) => label ?? []);
}

/** Why the relation says more (or other) than its sentences; empty when it does not. */
export function modalityProblems(fact: RelationFact): string[] {
  const problems: string[] = [];
  const stated = [fact.quote, ...(fact.introducedBy ?? []).map((leadIn) => leadIn.quote)];
  const markers = new Map(stated.flatMap((text) => [...markersIn(text)]));
  const notes = fact.notModal ?? {};
  for (const word of Object.keys(notes)) {
    if (!markers.has(word.toLowerCase())) {
      problems.push(`notModal names "${word}", which its sentences do not hold`);
    }
  }
  const undeclared = [...markers].filter(([word]) => !(word in notes));
  const labels = labelsOf(fact);
  problems.push(...witnessProblems(fact, undeclared));
  if (ASSERTED.has(fact.modality)) {
    for (const [word, kind] of undeclared) {
      const problem = undeclaredMarker(fact, word, kind, labels);
      if (problem) problems.push(problem);
    }
  }
  const sources = [...stated, fact.scope?.quote];
  for (const kind of ["condition", "negation"] as const) {
    if (hasMarker(labels, kind) && !hasMarker(sources, kind)) {
      problems.push(`its label adds a ${kind} its sentences do not have: "${labels.join('", "')}"`);
    }
  }
  return problems;
}

/** A marker word in an asserted relation's sentences that nothing declares, as a problem. */
function undeclaredMarker(fact: RelationFact, word: string, kind: MarkerKind, labels: string[]): string | undefined {
  const advice = `or say in notModal why it qualifies nothing here`;
  switch (kind) {
    case "hedge":
      return fact.modality === "affirmed" ? `"${word}" is a hedge: declare modality possible, ${advice}` : undefined;
    case "past tense":
      return `"${word}" is a past tense: declare modality historical, ${advice}`;
    case "condition": {
      const declared =
        fact.scope !== undefined ||
        (fact.when?.length ?? 0) > 0 ||
        (fact.distinguishingSigns?.length ?? 0) > 0 ||
        hasMarker(labels, "condition");
      return declared
        ? undefined
        : `"${word}" sets a condition: give the relation a scope or say it in its label, ${advice}`;
    }
    case "negation":
      return hasMarker(labels, "negation") ? undefined : `"${word}" is a negation its label does not carry, ${advice}`;
  }
}

/** The modality must stand on the words: a hedge for possible, a past tense for historical, the publisher's sentence for evidence. */
function witnessProblems(fact: RelationFact, undeclared: [string, MarkerKind][]): string[] {
  const kinds = new Set(undeclared.map(([, kind]) => kind));
  const { modality, evidence } = fact;
  if (fact.kind === "theory" && modality !== "theory") return [`it is a theory but its modality is ${modality}`];
  if (evidence !== undefined && evidence.value !== modality) {
    return [`its evidence is "${evidence.value}" but its modality is ${modality}`];
  }
  const evidenceWords = EVIDENCE_WORDS[modality];
  if (evidenceWords) {
    if (evidence === undefined)
      return [`modality ${modality} needs the publisher's sentence that says so, as evidence`];
    return evidenceWords.test(normalise(evidence.quote))
      ? []
      : [`its evidence does not say ${modality === "theory" ? "theory" : "no clear evidence"}: "${evidence.quote}"`];
  }
  const frequency = typeof fact.frequency === "object" ? fact.frequency.quote : undefined;
  if (modality === "possible" && !kinds.has("hedge") && !hasMarker([frequency, fact.scope?.quote], "hedge")) {
    return ["modality possible, but none of its sentences hedges it (may, can, usually...)"];
  }
  if (modality === "historical" && !kinds.has("past tense")) {
    return ["modality historical, but none of its sentences is in the past tense"];
  }
  return [];
}
