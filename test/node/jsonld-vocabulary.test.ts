/**
 * Every JSON-LD document the API serves, checked against the schema.org
 * vocabulary (release 30.0, from SCHEMAORG_VOCAB_DIR or ../shared/schemaorg):
 * types and properties exist and are not superseded, values fit domain and
 * range, and references resolve. Skipped, visibly, without the vocabulary.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSchemaOrgVocabulary } from "./support/schemaorg/load-vocabulary";
import { validateJsonLd } from "./support/schemaorg/validate-json-ld";
import type { SchemaOrgVocabulary } from "./support/schemaorg/vocabulary";
import { hasSchemaOrgVocabulary, vocabularyTestTitle } from "./support/schemaorg/vocabulary-location";
import { type RunningWorker, startFixturesWorker, startWorker } from "./support/worker-process";

const available = hasSchemaOrgVocabulary();

/** The JSON-LD in an HTML page's `<script type="application/ld+json">` elements. */
function embeddedJsonLd(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((match) =>
    JSON.parse(match[1] ?? ""),
  );
}

describe.skipIf(!available)(vocabularyTestTitle("JSON-LD served by the Worker"), () => {
  let vocabulary: SchemaOrgVocabulary;
  const workers: Record<string, RunningWorker> = {};

  beforeAll(async () => {
    vocabulary = loadSchemaOrgVocabulary();
    workers.real = await startWorker();
    // Made-up content with the fields the real article lacks: dates, licence, codes, source URL.
    workers.fixtures = await startFixturesWorker();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(Object.values(workers).map((worker) => worker.stop()));
  });

  async function documentsOf(worker: RunningWorker): Promise<[string, unknown][]> {
    const list = (await (await worker.fetch("/v1/articles?pageSize=100")).json()) as { items: { slug: string }[] };
    expect(list.items.length).toBeGreaterThan(0);
    const documents: [string, unknown][] = [];
    for (const { slug } of list.items) {
      documents.push([`/v1/articles/${slug}/jsonld`, await (await worker.fetch(`/v1/articles/${slug}/jsonld`)).json()]);
      const negotiated = await worker.fetch(`/v1/articles/${slug}`, { headers: { Accept: "application/ld+json" } });
      documents.push([`/v1/articles/${slug} (Accept: application/ld+json)`, await negotiated.json()]);
      const page = await (await worker.fetch(`/articles/${slug}`)).text();
      for (const embedded of embeddedJsonLd(page)) documents.push([`/articles/${slug} <script>`, embedded]);
    }
    return documents;
  }

  it.each(["real", "fixtures"])("has no vocabulary issues in any document of the %s content", async (name) => {
    const worker = workers[name];
    if (!worker) throw new Error(`worker ${name} did not start`);
    const documents = await documentsOf(worker);
    expect(documents.length).toBeGreaterThanOrEqual(3);
    for (const [source, document] of documents) {
      expect(await validateJsonLd(document, vocabulary), source).toEqual([]);
    }
  });

  it("is actually checking: a wrong node is reported", async () => {
    const document = await (await workers.real?.fetch("/v1/articles/leg-cramps/jsonld"))?.json();
    const broken = structuredClone(document) as { "@graph": Record<string, unknown>[] };
    const drug = broken["@graph"].find((node) => node["@type"] === "Drug");
    if (!drug) throw new Error("no Drug node");
    drug.adverseOutcome = { "@type": "MedicalSignOrSymptom", name: "Side effects belong on the therapy" };
    const issues = await validateJsonLd(broken, vocabulary);
    expect(issues.map((issue) => [issue.rule, issue.term])).toContainEqual(["domain", "adverseOutcome"]);
  });
});
