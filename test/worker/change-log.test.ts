/**
 * An article's change log (`/v1/articles/{slug}/changes`), read against the
 * article as served: revisions newest first, the oldest listing every section
 * it had, and every section's current content hash given by the newest
 * revision that changed it. Made by the build from the content's history
 * (outside git, the one revision being built); test/node/change-log.test.ts
 * builds a history of its own.
 */
import { describe, expect, it } from "vitest";
import type { ChangeLog } from "../../src/api/change-log";
import { SUBJECT } from "../support/subject";
import { call, getJson, ORIGIN } from "../support/worker";

const PATH = `${SUBJECT.path}/changes`;

describe("an article's change log", () => {
  it("lists its revisions newest first, the oldest with every section it had", async () => {
    const log = await getJson<ChangeLog>(PATH);
    expect(log).toMatchObject({ slug: SUBJECT.slug, title: SUBJECT.title, canonicalUrl: SUBJECT.page });
    expect(log.links).toEqual({ self: `${ORIGIN}${PATH}`, article: `${ORIGIN}${SUBJECT.path}` });
    expect(log.revisions.length).toBeGreaterThan(0);
    const dates = log.revisions.map((revision) => revision.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(log.revisions.at(-1)?.changedSections?.length).toBeGreaterThan(0);
    expect(log.revisions.at(-1)?.removedSections).toEqual([]);
  });

  it("gives each section's current hash in the newest revision that changed it", async () => {
    const log = await getJson<ChangeLog>(PATH);
    for (const { section } of SUBJECT.sections) {
      const newest = log.revisions.find((revision) => revision.changedSections?.some((s) => s.id === section.id));
      expect(newest, section.id).toBeDefined();
      expect(newest?.changedSections?.find((s) => s.id === section.id)?.hash, section.id).toBe(section.hash);
    }
  });

  it("is linked from the article, and revalidates like the article", async () => {
    const article = await getJson<{ links: Record<string, string> }>(SUBJECT.path);
    expect(article.links.changes).toBe(`${ORIGIN}${PATH}`);
    const first = await call(PATH);
    const again = await call(PATH, { headers: { "If-None-Match": first.headers.get("ETag") ?? "" } });
    expect(again.status).toBe(304);
  });

  it("is a 404 for an article there is not", async () => {
    expect((await call("/v1/articles/no-such-article/changes")).status).toBe(404);
  });
});
