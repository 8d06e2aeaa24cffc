/**
 * CDS Hooks 2.0: discovery, and `patient-view` cards for the patient's
 * conditions. Request bodies follow the CDS Hooks specification's example
 * (hookInstance, fhirServer, context with userId and patientId, prefetch) with
 * FHIR R4 Condition resources in a searchset Bundle, as FHIR's examples write them.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { CDS_LIMITS, CdsResponse, CdsServices, MAX_CARDS } from "../../src/api/cds-hooks";
import type { ArticleResource } from "../../src/api/schemas";
import { createApp } from "../../src/app";
import { libraryOf } from "../../src/content/library-source";
import { BODY_LIMITS } from "../../src/http/validation";
import { indexOfCopies, slugsMappedTo } from "../support/library";
import { SUBJECT } from "../support/subject";
import { call, getJson, getProblem, ORIGIN, type ProblemBody } from "../support/worker";

const SERVICE = "/cds-services/patient-education";

interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** A FHIR R4 Condition, shaped like FHIR's own examples. */
function condition(coding: Coding, clinicalStatus = "active", verificationStatus = "confirmed") {
  return {
    resourceType: "Condition",
    id: `condition-${coding.code}`,
    clinicalStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: clinicalStatus }],
    },
    verificationStatus: {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code: verificationStatus }],
    },
    category: [
      {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "problem-list-item" }],
      },
    ],
    code: { coding: [coding], text: coding.display },
    subject: { reference: "Patient/1288992" },
    onsetDateTime: "2026-10-01",
  };
}

/** A `patient-view` request as the CDS Hooks specification's example writes it. */
function patientView(resources: unknown[] | null) {
  return {
    hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    fhirServer: "https://fhir.example.org",
    hook: "patient-view",
    fhirAuthorization: {
      access_token: "some-opaque-fhir-access-token",
      token_type: "Bearer",
      expires_in: 300,
      scope: "user/Patient.read user/Condition.read",
      subject: "cds-service",
    },
    context: { userId: "Practitioner/example", patientId: "1288992", encounterId: "89284" },
    prefetch: {
      conditions:
        resources === null
          ? null
          : {
              resourceType: "Bundle",
              type: "searchset",
              total: resources.length,
              entry: resources.map((resource) => ({ resource })),
            },
    },
  };
}

async function post(body: unknown, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  return call(SERVICE, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

async function cards(resources: unknown[] | null) {
  const response = await post(patientView(resources));
  expect(response.status).toBe(200);
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  const body = CdsResponse.parse(await response.json());
  return body.cards;
}

const G47_62 = { system: "http://hl7.org/fhir/sid/icd-10-cm", code: "G47.62", display: "Sleep related leg cramps" };
const R25_2 = { system: "http://hl7.org/fhir/sid/icd-10-cm", code: "R25.2", display: "Cramp and spasm" };
const DIABETES = { system: "http://snomed.info/sct", code: "44054006", display: "Diabetes mellitus type 2" };

describe("GET /cds-services", () => {
  it("lists the patient-view service with its prefetch template", async () => {
    const discovery = CdsServices.parse(await getJson("/cds-services"));
    expect(discovery.services).toEqual([
      expect.objectContaining({
        hook: "patient-view",
        id: "patient-education",
        prefetch: { conditions: "Condition?patient={{context.patientId}}" },
      }),
    ]);
  });
});

describe("POST /cds-services/patient-education", () => {
  it("returns one info card linking to the article for a condition coded G47.62", async () => {
    const found = await cards([condition(G47_62)]);
    expect(found.map((card) => card.links?.[0]?.url)).toEqual(
      slugsMappedTo("G47.62").map((slug) => `${ORIGIN}/articles/${slug}`),
    );
    const { article, page } = SUBJECT;
    const card = found.find((candidate) => candidate.links?.[0]?.url === page);
    expect(card).toMatchObject({
      summary: `Patient information: ${article.title}`,
      indicator: "info",
      source: { label: article.publisher.name, url: page },
      links: [{ url: page, type: "absolute" }],
    });
    expect(card?.summary.length).toBeLessThanOrEqual(140);
    // The publisher's words, the code that matched as this service's mapping, and the attribution.
    expect(card?.detail).toContain(article.description);
    expect(card?.detail).toContain("G47.62");
    expect(card?.detail).toContain("mapped by Health content API, not by the publisher");
    expect(card?.detail).toContain("narrower than this article's topic");
    expect(card?.detail).toContain(article.attribution);
  });

  it("answers a UK record: a Condition coded in SNOMED CT, with the mapping's fit and the source it was checked against", async () => {
    const article = await getJson<ArticleResource>(SUBJECT.path);
    const snomed = article.codeMappings.find((mapping) => mapping.system.uri === "http://snomed.info/sct");
    expect(snomed).toBeDefined();
    const coding = { system: "http://snomed.info/sct", code: snomed?.code ?? "", display: snomed?.display ?? "" };
    const found = await cards([condition(coding)]);
    expect(found.map((card) => card.links?.[0]?.url)).toEqual(
      slugsMappedTo(coding.code).map((slug) => `${ORIGIN}/articles/${slug}`),
    );
    const card = found.find((candidate) => candidate.links?.[0]?.url === SUBJECT.page);
    expect(card?.detail).toContain(`SNOMED CT ${coding.code} “${coding.display}”`);
    expect(card?.detail).toContain(`FHIR ConceptMap relationship ${snomed?.relationship}`);
    expect(card?.detail).toContain(snomed?.source.url);
  });

  it("returns one card per article, however many of the patient's conditions match it", async () => {
    const articles = new Set([...slugsMappedTo("G47.62"), ...slugsMappedTo("R25.2")]);
    expect(articles.size).toBeGreaterThan(0);
    expect(await cards([condition(G47_62), condition(R25_2), condition(DIABETES)])).toHaveLength(articles.size);
  });

  it.each([
    ["codes no article is mapped to", [condition(DIABETES)]],
    ["a resolved condition", [condition(G47_62, "resolved")]],
    ["a refuted diagnosis", [condition(G47_62, "active", "refuted")]],
    ["resources that are not conditions", [{ resourceType: "OperationOutcome", issue: [] }]],
    ["an empty prefetch (null)", null],
  ])("returns no cards for %s", async (_case, resources) => {
    expect(await cards(resources)).toEqual([]);
  });

  it("answers 412 when the conditions prefetch is missing: it never calls the EHR's FHIR server", async () => {
    const { prefetch: _prefetch, ...request } = patientView([condition(G47_62)]);
    const problem = await getProblem(SERVICE, 412, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
    expect(problem.type).toBe("/problems/prefetch-required");
  });

  it("answers a prefetch the client could not make (an OperationOutcome) as one not sent: 412, saying so", async () => {
    const outcome = {
      resourceType: "OperationOutcome",
      issue: [{ severity: "error", code: "timeout", diagnostics: "The FHIR server did not answer." }],
    };
    const problem = await getProblem(SERVICE, 412, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...patientView([]), prefetch: { conditions: outcome } }),
    });
    expect(problem.type).toBe("/problems/prefetch-required");
    expect(problem.detail).toMatch(/^Your prefetch of them failed \(an OperationOutcome came instead\)/);
  });

  it.each([
    ["a body that is not JSON", "{not json", "", "must be a JSON document"],
    ["another hook", { ...patientView([]), hook: "order-select" }, "hook", 'must be "patient-view"'],
    ["no context", { ...patientView([]), context: undefined }, "context", "is required"],
    [
      "a Condition whose code is not a CodeableConcept",
      patientView([{ resourceType: "Condition", code: "G47.62" }]),
      "prefetch.conditions.entry.0.resource.code",
      "must be an object",
    ],
  ])("refuses %s with 400 naming the field", async (_case, body, name, detail) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { in: string; name: string; detail: string }[] };
    expect(problem.errors, JSON.stringify(problem.errors)).toContainEqual({ in: "body", name, detail });
  });

  it("refuses a body that is not application/json with 415", async () => {
    const response = await post(patientView([]), { "Content-Type": "text/plain" });
    expect(response.status).toBe(415);
    expect(response.headers.get("Content-Type")).toBe("application/problem+json; charset=utf-8");
  });

  it("refuses a body over 512 KiB with 413, whether or not its length is declared", async () => {
    const padding = "x".repeat(600 * 1024);
    const declared = await post({ ...patientView([]), padding });
    expect(declared.status).toBe(413);
    const stream = new Blob([JSON.stringify({ ...patientView([]), padding })]).stream();
    const chunked = await call(SERVICE, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: stream,
      // @ts-expect-error: workerd's RequestInit takes `duplex` for streamed bodies, as the Fetch standard does.
      duplex: "half",
    });
    expect(chunked.status).toBe(413);
  });

  it("answers 404 for a service it does not offer, and 405 to GET", async () => {
    expect((await call("/cds-services/no-such-service", { method: "POST" })).status).toBe(404);
    const get = await call(SERVICE);
    expect(get.status).toBe(405);
    expect(get.headers.get("Allow")).toBe("POST, OPTIONS");
  });

  it("never affects cached GETs: a POST's answer is not stored, and other routes refuse POST", async () => {
    const before = await call("/cds-services");
    await cards([condition(G47_62)]);
    const after = await call("/cds-services");
    expect(after.headers.get("ETag")).toBe(before.headers.get("ETag"));
    expect(await after.text()).toBe(await before.text());
    const postToArticle = await call(SUBJECT.path, { method: "POST", body: "{}" });
    expect(postToArticle.status).toBe(405);
    expect((await call(SUBJECT.path)).status).toBe(200);
  });

  it("lets an EHR's web client call it across origins (preflight allows POST with Authorization)", async () => {
    const preflight = await call(SERVICE, {
      method: "OPTIONS",
      headers: {
        Origin: "https://ehr.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, authorization",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect(preflight.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
    const response = await post(patientView([condition(G47_62)]), {
      "Content-Type": "application/json",
      Origin: "https://ehr.example",
      Authorization: "Bearer eyJhbGciOiJub25lIn0.e30.",
    });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("POST /cds-services/patient-education, bounded by the request", () => {
  /** Posts a body and returns its problem, asserting a 400 that names `name`. */
  async function refused(body: unknown, name: string) {
    const response = await post(body);
    expect(response.status).toBe(400);
    const problem = await response.json<ProblemBody>();
    expect(problem.errors?.map((error) => error.name)).toContain(name);
    return problem;
  }

  it("refuses more conditions than it takes, naming the limit", async () => {
    const many = Array.from({ length: CDS_LIMITS.conditions + 1 }, (_, n) =>
      condition({ ...R25_2, code: `R${String(n).padStart(3, "0")}` }),
    );
    const problem = await refused(patientView(many), "prefetch.conditions.entry");
    expect(problem.errors?.[0]?.detail).toBe(`must have at most ${CDS_LIMITS.conditions} items`);
  });

  it("refuses a concept with more codings than it takes, naming the limit", async () => {
    const codings = Array.from({ length: CDS_LIMITS.codings + 1 }, (_, n) => ({ ...R25_2, code: `R25.${n}` }));
    const crowded = { ...condition(R25_2), code: { coding: codings } };
    const problem = await refused(patientView([crowded]), "prefetch.conditions.entry.0.resource.code.coding");
    expect(problem.errors?.[0]?.detail).toBe(`must have at most ${CDS_LIMITS.codings} items`);
  });

  it("refuses any array or nesting past the body's limits before reading it, even in fields it ignores", async () => {
    const long = { ...patientView([]), notes: Array.from({ length: BODY_LIMITS.arrayItems + 1 }, () => 0) };
    const problem = await refused(long, "notes");
    expect(problem.errors?.[0]?.detail).toBe(`must have at most ${BODY_LIMITS.arrayItems} items`);
    let deep: unknown = "bottom";
    for (let level = 0; level < BODY_LIMITS.depth + 5; level++) deep = { next: deep };
    const nested = await post({ ...patientView([]), deep });
    expect(nested.status).toBe(400);
    expect((await nested.json<ProblemBody>()).errors?.[0]?.detail).toBe(
      `nests deeper than ${BODY_LIMITS.depth} levels`,
    );
  });

  it("answers 400, never a 5xx, to 120,000 invalid items or nesting too deep to parse, within the size limit", async () => {
    const invalidItems = `{"hook":"patient-view","hookInstance":"x","context":{"userId":"u","patientId":"p"},"prefetch":{"conditions":{"resourceType":"Bundle","entry":[${Array(120_000).fill("0").join(",")}]}}}`;
    expect(invalidItems.length).toBeLessThan(512 * 1024);
    expect((await post(invalidItems)).status).toBe(400);
    const tooDeep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    expect((await post(tooDeep)).status).toBe(400);
  });

  it("never logs the patient's data, whether it is accepted or refused", async () => {
    const logged = [vi.spyOn(console, "error"), vi.spyOn(console, "log"), vi.spyOn(console, "warn")];
    const marker = "patient-marker-8c1f";
    const resource = { ...condition({ ...R25_2, display: marker }), note: [{ text: marker }] };
    await post(patientView([resource]));
    await post({ ...patientView([resource]), hook: marker });
    for (const spy of logged) expect(spy.mock.calls.flat().map(String).join(" ")).not.toContain(marker);
    for (const spy of logged) spy.mockRestore();
  });

  it("answers the worst body it accepts: every condition and coding at the limits", async () => {
    const codings = (n: number) =>
      Array.from({ length: CDS_LIMITS.codings }, (_, m) => ({
        system: "http://snomed.info/sct",
        code: `${n}${m}0000`,
      }));
    const worst = Array.from({ length: CDS_LIMITS.conditions }, (_, n) => ({
      ...condition(R25_2),
      code: { coding: [R25_2, ...codings(n)].slice(0, CDS_LIMITS.codings) },
    }));
    const found = await cards(worst);
    expect(found.map((card) => card.links?.[0]?.url)).toEqual(
      slugsMappedTo("R25.2")
        .slice(0, MAX_CARDS)
        .map((slug) => `${ORIGIN}/articles/${slug}`),
    );
  });
});

describe("POST /cds-services/patient-education, for a code many articles share", () => {
  it("returns cards for the newest MAX_CARDS of them", async () => {
    // Copies of the library's newest article, each a day newer than the last: the last copies are the newest.
    const count = MAX_CARDS + 5;
    const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString();
    const app = createApp(libraryOf(indexOfCopies(count, day)));
    const init = { method: "POST", headers: { "Content-Type": "application/json" } };
    const body = JSON.stringify(patientView([condition(R25_2)]));
    const response = await app.request(`${ORIGIN}${SERVICE}`, { ...init, body }, env);
    expect(response.status).toBe(200);
    const { cards } = CdsResponse.parse(await response.json());
    const newest = Array.from({ length: MAX_CARDS }, (_, n) => `copy-${String(count - 1 - n).padStart(6, "0")}`);
    expect(cards.map((card) => card.links?.[0]?.url)).toEqual(newest.map((slug) => `${ORIGIN}/articles/${slug}`));
  });
});
