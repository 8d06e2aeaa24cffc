/**
 * Partners told of changes, end to end in miniflare: the Cron Trigger's
 * handler finds what changed since the library last announced, D1 records
 * each event once, the real queue carries one message per subscription, and
 * its consumer posts each to the partner's endpoint, signed (Standard
 * Webhooks), retrying what fails until the dead-letter queue gives up on it.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { ArticleUpdated } from "../../src/partners/events";
import { admin, forgetReceived, previousDeploy, received, resetPartners, runCron, subscribe } from "./partners";

interface SectionState {
  id: string;
  title: string | null;
  hash: string;
}

/** Deliveries go through the queue: wait for them, as long as a busy machine needs, asserting nothing about time. */
const WAIT = { timeout: 25_000, interval: 50 };

async function announced(slug: string): Promise<SectionState[]> {
  const row = await env.PARTNERS.prepare("SELECT sections FROM announced_articles WHERE slug = ?").bind(slug).first<{
    sections: string;
  }>();
  return JSON.parse(row?.sections ?? "[]") as SectionState[];
}

/** The newest article in the library, and its sections as announced. */
async function newestArticle(): Promise<{ slug: string; sections: SectionState[] }> {
  const list = await (await admin("/v1/articles")).json<{ items: { slug: string }[] }>();
  const slug = list.items[0]?.slug ?? "";
  return { slug, sections: await announced(slug) };
}

/** As if the deploy before this one had had one section read differently, and one section more. */
async function sectionChangedSinceLastDeploy(slug: string, sections: SectionState[]) {
  const [first, ...rest] = sections;
  const before = [
    { ...first, hash: "sha256:before" },
    ...rest,
    { id: "a-section-since-removed", title: null, hash: "x" },
  ];
  await previousDeploy((db) =>
    db
      .prepare("UPDATE announced_articles SET hash = 'sha256:before', sections = ? WHERE slug = ?")
      .bind(JSON.stringify(before), slug)
      .run(),
  );
  return { changed: first?.id, removed: "a-section-since-removed" };
}

beforeAll(async () => {
  await resetPartners();
  await runCron();
});

afterEach(async () => {
  const subscriptions = await (await admin("/v1/admin/subscriptions")).json<{ id: string }[]>();
  for (const { id } of subscriptions) await admin(`/v1/admin/subscriptions/${id}`, { method: "DELETE" });
  await forgetReceived();
});

describe("the first look at a library", () => {
  it("records every article and its sections, and announces nothing", async () => {
    const { slug, sections } = await newestArticle();
    expect(sections.length).toBeGreaterThan(0);
    const list = await (await admin("/v1/articles")).json<{
      items: { slug: string; sections: { id: string }[] }[];
    }>();
    expect(sections.map((section) => section.id)).toEqual(list.items[0]?.sections.map((section) => section.id));
    expect(slug).not.toBe("");
    const events = await env.PARTNERS.prepare("SELECT COUNT(*) AS n FROM events").first<{ n: number }>();
    expect(events?.n).toBe(0);
  });
});

describe("a content change deployed", () => {
  it("is posted once to each subscription that wants it, signed, naming the sections that changed", async () => {
    const { slug, sections } = await newestArticle();
    const first = await subscribe("/ok");
    const second = await subscribe("/ok", { events: ["article.updated"], articles: [slug] });
    await subscribe("/ok", { events: ["article.published"] });
    await subscribe("/ok", { articles: ["another-article"] });
    const { changed, removed } = await sectionChangedSinceLastDeploy(slug, sections);

    await runCron();
    await vi.waitFor(async () => expect(await received()).toHaveLength(2), WAIT);

    const deliveries = await received();
    const secrets = new Map([
      [first.id, first.secret],
      [second.id, second.secret],
    ]);
    for (const delivery of deliveries) {
      // Each verifies with one of the two subscriptions' secrets, and with no other.
      const verified = [...secrets.values()].filter((secret) => {
        try {
          new Webhook(secret).verify(delivery.body, delivery.headers);
          return true;
        } catch {
          return false;
        }
      });
      expect(verified).toHaveLength(1);
      const event = ArticleUpdated.parse(JSON.parse(delivery.body));
      expect(event.data.slug).toBe(slug);
      expect(event.data.changedSections.map((section) => section.id)).toEqual([changed]);
      expect(event.data.removedSections).toEqual([removed]);
      expect(event.data.links.api).toBe(`https://health.example/v1/articles/${slug}`);
    }
    expect(new Set(deliveries.map((delivery) => delivery.headers["webhook-signature"])).size).toBe(2);

    // The next run finds this library announced: nothing more is recorded or sent.
    const before = await env.PARTNERS.prepare("SELECT COUNT(*) AS n FROM deliveries").first<{ n: number }>();
    await runCron();
    const after = await env.PARTNERS.prepare("SELECT COUNT(*) AS n FROM deliveries").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it("announces an article new since the last deploy as published, and one gone as withdrawn", async () => {
    const { slug } = await newestArticle();
    const { secret } = await subscribe("/ok");
    await previousDeploy(async (db) => {
      await db.prepare("DELETE FROM announced_articles WHERE slug = ?").bind(slug).run();
      await db.prepare("INSERT INTO announced_articles (slug, hash, sections) VALUES ('gone-since', 'h', '[]')").run();
    });
    await runCron();
    await vi.waitFor(async () => expect(await received()).toHaveLength(2), WAIT);
    const events = (await received()).map((delivery) => new Webhook(secret).verify(delivery.body, delivery.headers));
    expect(events).toContainEqual(
      expect.objectContaining({ type: "article.published", data: expect.objectContaining({ slug }) }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ type: "article.withdrawn", data: expect.objectContaining({ slug: "gone-since" }) }),
    );
  });
});

describe("a partner's endpoint that fails", () => {
  it("gets the same event again until it answers, and the delivery is then marked delivered", async () => {
    const { slug, sections } = await newestArticle();
    const { id } = await subscribe("/flaky");
    await sectionChangedSinceLastDeploy(slug, sections);
    await runCron();
    await vi.waitFor(async () => {
      const status = await (await admin(`/v1/admin/subscriptions/${id}`)).json<{ deliveries: { status: string }[] }>();
      expect(status.deliveries[0]?.status).toBe("delivered");
    }, WAIT);
    const posts = await received();
    expect(posts).toHaveLength(2);
    expect(posts[0]?.headers["webhook-id"]).toBe(posts[1]?.headers["webhook-id"]);
    const status = await (await admin(`/v1/admin/subscriptions/${id}`)).json<Record<string, unknown>>();
    expect(status).toMatchObject({
      status: "active",
      failedDeliveries: 0,
      deliveries: [{ attempts: 2, lastResult: "HTTP 204" }],
    });
  });

  it("is given up on after every retry, and disabled, saying why, after three deliveries given up on", async () => {
    const { slug, sections } = await newestArticle();
    const { id } = await subscribe("/down");
    // Three changes, so three deliveries, each failing every attempt.
    await sectionChangedSinceLastDeploy(slug, sections);
    await env.PARTNERS.prepare(
      "INSERT INTO announced_articles (slug, hash, sections) VALUES ('gone-one', 'h', '[]'), ('gone-two', 'h', '[]')",
    ).run();
    await runCron();
    await vi.waitFor(async () => {
      const status = await (await admin(`/v1/admin/subscriptions/${id}`)).json<{ status: string }>();
      expect(status.status).toBe("disabled");
    }, WAIT);
    const status = await (await admin(`/v1/admin/subscriptions/${id}`)).json<{
      disabledReason: string;
      failedDeliveries: number;
      deliveries: { status: string; attempts: number; lastResult: string }[];
    }>();
    expect(status.failedDeliveries).toBe(3);
    expect(status.disabledReason).toMatch(
      /3 deliveries in a row failed after every retry; the last attempt got HTTP 500/,
    );
    // The test project's queue retries twice: three attempts each.
    expect(status.deliveries.map(({ status, attempts, lastResult }) => ({ status, attempts, lastResult }))).toEqual(
      Array(3).fill({ status: "dead", attempts: 3, lastResult: "HTTP 500" }),
    );
    expect(await received()).toHaveLength(9);
  });

  it("that answers 410 Gone is disabled at once", async () => {
    const { slug, sections } = await newestArticle();
    const { id } = await subscribe("/gone");
    await sectionChangedSinceLastDeploy(slug, sections);
    await runCron();
    await vi.waitFor(async () => {
      const status = await (await admin(`/v1/admin/subscriptions/${id}`)).json<{ status: string }>();
      expect(status.status).toBe("disabled");
    }, WAIT);
    const status = await (await admin(`/v1/admin/subscriptions/${id}`)).json<{ disabledReason: string }>();
    expect(status.disabledReason).toMatch(/410 Gone/);
    expect(await received()).toHaveLength(1);
  });
});

describe("a message the queue delivers twice", () => {
  it("is posted once", async () => {
    const { slug, sections } = await newestArticle();
    const { id } = await subscribe("/ok");
    await sectionChangedSinceLastDeploy(slug, sections);
    await runCron();
    await vi.waitFor(async () => expect(await received()).toHaveLength(1), WAIT);
    const delivery = await env.PARTNERS.prepare("SELECT event_id FROM deliveries WHERE subscription_id = ?")
      .bind(id)
      .first<{ event_id: string }>();
    const batch = createMessageBatch("health-content-webhooks", [
      { id: "again", timestamp: new Date(), attempts: 1, body: { eventId: delivery?.event_id, subscriptionId: id } },
    ]);
    const context = createExecutionContext();
    await worker.queue(batch as MessageBatch<never>, env, context);
    const result = await getQueueResult(batch, context);
    expect(result.explicitAcks).toEqual(["again"]);
    expect(await received()).toHaveLength(1);
  });
});
