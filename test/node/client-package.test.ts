/**
 * The client a partner installs (client/): built, packed with `npm pack`,
 * installed from the tarball into a fresh project outside the repository
 * (nothing else installed: no Workers types, no hono), type-checked there
 * with `strict`, then run against the Worker.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_VERSION } from "../../src/api/resources";
import { updatedEvent } from "../../src/partners/changes";
import { eventId, newSecret, signedHeaders } from "../../src/partners/signing";
import { ARTICLES, slugsMappedTo } from "./support/library";
import { type RunningWorker, startWorker } from "./support/worker-process";

const ROOT = resolve(import.meta.dirname, "../..");
const TSC = join(ROOT, "node_modules/.bin/tsc");

/** A partner's own code: every call typed, errors told apart by status. */
const USAGE = (base: string) => `
import { createClient, type Problem, verifyWebhook, WebhookVerificationError } from "@health-content/client";

const api = createClient(${JSON.stringify(base)});
const seen: Record<string, unknown> = {};

const article = await api.call("getArticle", { path: { slug: "leg-cramps" }, query: { sections: "quinine-for-leg-cramps" } });
if (article.ok && article.status === 200) {
  const title: string = article.data.title;
  seen.title = title;
  seen.sections = article.data.sections.map((section) => section.id);
  seen.urgent = article.data.urgentCareAdvice.map((advice) => advice.id);
}

// Another of the article's media types, typed as what it is: Markdown is text.
const markdown = await api.call("getArticle", { path: { slug: "leg-cramps" }, accept: "text/markdown" });
if (markdown.ok && markdown.status === 200) {
  const text: string = markdown.data;
  seen.markdown = text.startsWith("# Leg cramps");
}

const missing = await api.call("getSection", { path: { slug: "leg-cramps", id: "no-such-section" } });
if (!missing.ok && missing.status === 404) {
  const problem: Problem = missing.problem;
  seen.missing = [missing.status, problem.type];
}

const list = await api.call("listArticles", { query: { code: "ICD-10-CM|G47.62", pageSize: 10 } });
if (list.ok && list.status === 200) seen.coded = list.data.items.map((item) => item.slug);

const bad = await api.call("listArticles", { query: { pageSize: 500 } });
if (!bad.ok && bad.status === 400) seen.bad = bad.problem.errors?.map((error) => error.name);

const cards = await api.call("callCdsService", {
  path: { id: "patient-education" },
  body: {
    hook: "patient-view",
    hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    context: { userId: "Practitioner/example", patientId: "1288992" },
    prefetch: {
      conditions: {
        resourceType: "Bundle",
        entry: [{ resource: { resourceType: "Condition", code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "R25.2" }] } } }],
      },
    },
  },
});
if (cards.ok && cards.status === 200) seen.cards = cards.data.cards.map((card) => card.summary);

const page = await api.call("getArticlePage", { path: { slug: "leg-cramps" } });
if (page.ok && page.status === 200) seen.page = page.data.startsWith("<!doctype html>");

const again = await api.call("getCondition", { path: { slug: "leg-cramps" } });
if (again.ok && again.status === 200 && again.etag) {
  const cached = await api.call("getCondition", { path: { slug: "leg-cramps" } }, { headers: { "If-None-Match": again.etag } });
  seen.revalidated = cached.status;
}

// A change event posted to the partner's endpoint (DELIVERY: its secret, headers and body, as received).
declare const process: { env: Record<string, string | undefined> };
const delivery = JSON.parse(process.env.DELIVERY ?? "{}") as { secret: string; headers: Record<string, string>; body: string };
const event = await verifyWebhook(delivery.secret, delivery.headers, delivery.body);
if (event.type === "article.updated") seen.webhook = [event.type, event.data.changedSections.map((section) => section.id)];
const stale = String(Number(delivery.headers["webhook-timestamp"]) - 3600);
for (const [name, secret, headers, body] of [
  ["tampered", delivery.secret, delivery.headers, delivery.body.replace("}", ' }')],
  ["replayed", delivery.secret, { ...delivery.headers, "webhook-timestamp": stale }, delivery.body],
  ["another secret", "whsec_" + btoa("another secret of thirty-two bytes!"), delivery.headers, delivery.body],
] as const) {
  seen[name] = await verifyWebhook(secret, headers, body).then(
    () => "accepted",
    (error: unknown) => (error instanceof WebhookVerificationError ? "refused" : "failed"),
  );
}

// Misuse does not compile (never called: only type-checked).
export function misuse() {
  // @ts-expect-error an operation the API does not have
  void api.call("getNothing", {});
  // @ts-expect-error a path parameter the operation does not take
  void api.call("getArticle", { path: { id: "leg-cramps" } });
  // @ts-expect-error a 418 is not a status getArticle can answer
  if (!article.ok && article.status === 418) seen.teapot = true;
  // @ts-expect-error Markdown is text: it has no title
  if (markdown.ok && markdown.status === 200) seen.title = markdown.data.title;
  // @ts-expect-error a media type getArticle does not answer with
  void api.call("getArticle", { path: { slug: "leg-cramps" }, accept: "image/png" });
}

console.log(JSON.stringify(seen));
`;

/** Every TypeScript example of the client's README, each a module of the partner's project: they must compile. */
const README_EXAMPLES = [...readFileSync(join(ROOT, "client/README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map(
  ([, code]) => `${code}\nexport {};\n`,
);

describe("the installable client", () => {
  let worker: RunningWorker;
  let project: string;

  beforeAll(async () => {
    worker = await startWorker();
    execFileSync(join(ROOT, "node_modules/.bin/tsx"), ["scripts/client/build-client.ts"], { cwd: ROOT, stdio: "pipe" });
    project = mkdtempSync(join(tmpdir(), "partner-"));
    execFileSync("npm", ["pack", join(ROOT, "client"), "--pack-destination", project, "--silent"], { stdio: "pipe" });
    const [tarball] = readdirSync(project).filter((name) => name.endsWith(".tgz"));
    if (!tarball) throw new Error("npm pack made no tarball");
    const app = join(project, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "partner-app", private: true, type: "module" }));
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", join(project, tarball)], {
      cwd: app,
      stdio: "pipe",
    });
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          outDir: "out",
        },
        files: ["usage.ts", ...README_EXAMPLES.map((_, index) => `readme-${index + 1}.ts`)],
      }),
    );
    writeFileSync(join(app, "usage.ts"), USAGE(worker.url.origin));
    for (const [index, example] of README_EXAMPLES.entries())
      writeFileSync(join(app, `readme-${index + 1}.ts`), example);
  }, 180_000);

  afterAll(async () => {
    rmSync(project, { recursive: true, force: true });
    await worker.stop();
  });

  it("carries the API's version", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "client/package.json"), "utf8")) as { version: string };
    expect(version).toBe(SERVICE_VERSION);
  });

  it("installs with nothing but itself", () => {
    const installed = readdirSync(join(project, "app/node_modules")).filter((name) => !name.startsWith("."));
    expect(installed).toEqual(["@health-content"]);
  });

  it("has README examples to compile", () => {
    expect(README_EXAMPLES.length).toBeGreaterThanOrEqual(2);
  });

  it("type-checks a partner's code and the README's examples in a strict project outside the repository, and refuses misuse", () => {
    const output = execFileSync(TSC, ["-p", join(project, "app/tsconfig.json")], { encoding: "utf8" });
    expect(output).toBe("");
  }, 120_000);

  it("makes every call it types against the Worker", async () => {
    // Asynchronously: the Worker's dev server runs in this process and must keep serving.
    const { stdout } = await promisify(execFile)("node", [join(project, "app/out/usage.js")], {
      encoding: "utf8",
      env: { ...process.env, DELIVERY: JSON.stringify(await signedDelivery()) },
    });
    const seen = JSON.parse(stdout);
    expect(seen).toEqual({
      title: "Leg cramps",
      sections: ["quinine-for-leg-cramps"],
      urgent: ["urgent-gp-or-111", "call-111-for-blood-clot-signs"],
      missing: [404, "/problems/not-found"],
      coded: slugsMappedTo("G47.62"),
      bad: ["pageSize"],
      cards: ARTICLES.filter((article) => slugsMappedTo("R25.2").includes(article.slug)).map(
        (article) => `Patient information: ${article.title}`,
      ),
      page: true,
      markdown: true,
      revalidated: 304,
      webhook: ["article.updated", ["quinine-for-leg-cramps"]],
      tampered: "refused",
      replayed: "refused",
      "another secret": "refused",
    });
  });
});

/** An article.updated event as the Worker posts it: built and signed by its own code, with a new secret. */
async function signedDelivery() {
  const [article] = ARTICLES;
  if (!article) throw new Error("the library has no article");
  const secret = newSecret();
  const section = { id: "quinine-for-leg-cramps", title: "Quinine for leg cramps", hash: "sha256:new" };
  const event = updatedEvent(
    [{ ...section, hash: "sha256:old" }],
    article,
    [section],
    "https://health.example",
    new Date().toISOString(),
  );
  const body = JSON.stringify(event);
  return { secret, headers: signedHeaders(secret, await eventId("test"), new Date(), body), body };
}
