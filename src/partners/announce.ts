/**
 * The Cron Trigger's work: notice a newly deployed library and tell partners.
 * The bundle knows its library's version; when D1's record of the version
 * last announced differs, the index is compared with the articles as last
 * announced, and each change becomes an event, recorded with one delivery per
 * subscription that wants it, each delivery a message on the queue
 * (deliver.ts posts it). No deploy step can forget it, and a run that fails
 * half way is repeated by the next, announcing nothing twice (ids are
 * derived from the change).
 */
import type { ContentLibrary } from "../content/library";
import type { IndexedArticle } from "../content/model";
import { libraryChanges, publishedEvent, updatedEvent, withdrawnEvent } from "./changes";
import { EventLog, type StoredEvent } from "./event-log";
import type { ChangeEvent, SectionState } from "./events";
import { eventId } from "./signing";
import { type Subscription, Subscriptions, wants } from "./subscriptions";

/** A queue message: one event to one subscription. */
export interface DeliveryMessage {
  eventId: string;
  subscriptionId: string;
}

/**
 * At most this many changed articles are read and announced in one run, so a
 * run's work does not grow with the library; the rest wait for the next run
 * (a minute later), and the version is recorded once none is left.
 */
export const ARTICLES_PER_RUN = 200;

export interface AnnounceInput {
  env: Pick<Env, "PARTNERS" | "WEBHOOKS" | "ASSETS" | "PUBLIC_BASE_URL">;
  /** The version of the library this bundle was built with. */
  version: string;
  library: () => Promise<ContentLibrary>;
  now: Date;
}

export interface Announced {
  /** Events recorded by this run. */
  events: number;
  deliveries: number;
  /** Why nothing was done, when nothing was. */
  skipped?: string;
}

export async function announceChanges({ env, version, library, now }: AnnounceInput): Promise<Announced> {
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  // Events link to the articles: without a public base URL there is nothing absolute to link to.
  if (base === "") return { events: 0, deliveries: 0, skipped: "PUBLIC_BASE_URL is not set" };
  const log = new EventLog(env.PARTNERS);
  const last = await log.announcedVersion();
  if (last === version) return { events: 0, deliveries: 0, skipped: "this library was announced" };
  const content = await library();
  const changes = libraryChanges(await log.announcedHashes(), content.articles);
  const changed = [...changes.published, ...changes.updated].slice(0, ARTICLES_PER_RUN);
  const withdrawn = changes.withdrawn.slice(0, ARTICLES_PER_RUN - changed.length);
  const sections = await sectionsOf(content, changed, env.ASSETS);
  const at = now.toISOString();
  // The library as first seen is where announcing starts: partners are told of the changes after it.
  const events =
    last === undefined
      ? []
      : await stored(
          [
            ...(await changeEvents(changed, changes.published, sections, log, { base, at })),
            ...withdrawn.map((slug) => withdrawnEvent(slug, content.withdrawal(slug), base, at)),
          ],
          version,
          at,
        );
  const deliveries = deliveriesOf(events, await new Subscriptions(env.PARTNERS).active());
  await log.record(events, deliveries);
  for (let start = 0; start < deliveries.length; start += QUEUE_BATCH) {
    await env.WEBHOOKS.sendBatch(deliveries.slice(start, start + QUEUE_BATCH).map((body) => ({ body })));
  }
  const left = changes.published.length + changes.updated.length + changes.withdrawn.length - ARTICLES_PER_RUN;
  const articles = changed.map(({ slug, hash }) => ({ slug, hash, sections: sections.get(slug) ?? [] }));
  await log.announced(articles, withdrawn, left > 0 ? undefined : version, at);
  return { events: events.length, deliveries: deliveries.length };
}

/** Queues take at most this many messages in one `sendBatch`. */
const QUEUE_BATCH = 100;

/** Each article's sections as its digest lists them. */
async function sectionsOf(
  content: ContentLibrary,
  articles: readonly IndexedArticle[],
  assets: Fetcher,
): Promise<Map<string, SectionState[]>> {
  const digested = await content.digestsOf(articles, assets);
  return new Map(
    digested.map(({ indexed, digest }) => [
      indexed.slug,
      digest.sections.map(({ id, title, hash }) => ({ id, title, hash })),
    ]),
  );
}

/** A published event for an article new to the library, an updated one, naming its sections that changed, for the others. */
async function changeEvents(
  changed: readonly IndexedArticle[],
  published: readonly IndexedArticle[],
  sections: ReadonlyMap<string, SectionState[]>,
  log: EventLog,
  { base, at }: { base: string; at: string },
): Promise<ChangeEvent[]> {
  const isNew = new Set(published.map((article) => article.slug));
  const before = await log.announcedSections(changed.filter((article) => !isNew.has(article.slug)).map((a) => a.slug));
  return changed.map((article) => {
    const now = sections.get(article.slug) ?? [];
    return isNew.has(article.slug)
      ? publishedEvent(article, now, base, at)
      : updatedEvent(before.get(article.slug) ?? [], article, now, base, at);
  });
}

/** Each event with its id (derived from the change and the library's version) and the exact JSON to post. */
function stored(events: readonly ChangeEvent[], version: string, at: string): Promise<StoredEvent[]> {
  return Promise.all(
    events.map(async (event) => ({
      id: await eventId(event.type, event.data.slug, "hash" in event.data ? event.data.hash : "", version),
      type: event.type,
      slug: event.data.slug,
      payload: JSON.stringify(event),
      createdAt: at,
    })),
  );
}

/** One delivery per event and subscription that wants it. */
function deliveriesOf(events: readonly StoredEvent[], subscriptions: readonly Subscription[]): DeliveryMessage[] {
  return events.flatMap((event) =>
    subscriptions
      .filter((subscription) => wants(subscription, event.type, event.slug))
      .map((subscription) => ({ eventId: event.id, subscriptionId: subscription.id })),
  );
}
