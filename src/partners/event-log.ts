/**
 * What was announced, in D1 (migrations/partners/): the library as last
 * announced, every event with the exact JSON posted for it, and each event's
 * delivery to each subscription. Writes are idempotent: an event or delivery
 * recorded twice (a run repeated after a failure) is recorded once.
 */
import type { EventType, SectionState } from "./events";

/** An event as stored: its id and the bytes every delivery posts and signs. */
export interface StoredEvent {
  id: string;
  type: EventType;
  slug: string;
  payload: string;
  createdAt: string;
}

export type DeliveryStatus = "pending" | "delivered" | "dead";

export interface Delivery {
  eventId: string;
  subscriptionId: string;
  type: EventType;
  slug: string;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  /** What the last attempt got: `HTTP 200`, `HTTP 500`, or why it could not be made. */
  lastResult: string | null;
}

/** D1 takes a batch of statements in one round trip; this many at a time keeps each batch small. */
const BATCH = 100;

export class EventLog {
  constructor(private readonly db: D1Database) {}

  async announcedVersion(): Promise<string | undefined> {
    const row = await this.db
      .prepare("SELECT version FROM announced_library WHERE id = 1")
      .first<{ version: string }>();
    return row?.version;
  }

  /** Every article as last announced: its content hash, by slug. */
  async announcedHashes(): Promise<Map<string, string>> {
    const { results } = await this.db
      .prepare("SELECT slug, hash FROM announced_articles")
      .all<{ slug: string; hash: string }>();
    return new Map(results.map((row) => [row.slug, row.hash]));
  }

  /** The sections of these articles as last announced. */
  async announcedSections(slugs: readonly string[]): Promise<Map<string, SectionState[]>> {
    const found = new Map<string, SectionState[]>();
    for (const chunk of chunks(slugs)) {
      const { results } = await this.db
        .prepare(`SELECT slug, sections FROM announced_articles WHERE slug IN (${chunk.map(() => "?").join(", ")})`)
        .bind(...chunk)
        .all<{ slug: string; sections: string }>();
      for (const row of results) found.set(row.slug, JSON.parse(row.sections) as SectionState[]);
    }
    return found;
  }

  /** The events and their deliveries, each recorded once whatever how often this runs. */
  async record(events: readonly StoredEvent[], deliveries: readonly { eventId: string; subscriptionId: string }[]) {
    await this.batch([
      ...events.map((event) =>
        this.db
          .prepare("INSERT OR IGNORE INTO events (id, type, slug, payload, created_at) VALUES (?, ?, ?, ?, ?)")
          .bind(event.id, event.type, event.slug, event.payload, event.createdAt),
      ),
      ...deliveries.map(({ eventId, subscriptionId }) =>
        this.db
          .prepare("INSERT OR IGNORE INTO deliveries (event_id, subscription_id, status) VALUES (?, ?, 'pending')")
          .bind(eventId, subscriptionId),
      ),
    ]);
  }

  /** These articles as now announced, those withdrawn forgotten, and, when `version` is given, the library's version. */
  async announced(
    articles: readonly { slug: string; hash: string; sections: SectionState[] }[],
    withdrawn: readonly string[],
    version: string | undefined,
    at: string,
  ) {
    await this.batch([
      ...articles.map(({ slug, hash, sections }) =>
        this.db
          .prepare("INSERT OR REPLACE INTO announced_articles (slug, hash, sections) VALUES (?, ?, ?)")
          .bind(slug, hash, JSON.stringify(sections)),
      ),
      ...withdrawn.map((slug) => this.db.prepare("DELETE FROM announced_articles WHERE slug = ?").bind(slug)),
      ...(version === undefined
        ? []
        : [
            this.db
              .prepare("INSERT OR REPLACE INTO announced_library (id, version, announced_at) VALUES (1, ?, ?)")
              .bind(version, at),
          ]),
    ]);
  }

  async event(id: string): Promise<StoredEvent | undefined> {
    const row = await this.db
      .prepare("SELECT id, type, slug, payload, created_at AS createdAt FROM events WHERE id = ?")
      .bind(id)
      .first<StoredEvent>();
    return row ?? undefined;
  }

  async delivery(eventId: string, subscriptionId: string): Promise<Delivery | undefined> {
    const row = await this.db
      .prepare(`${DELIVERY_SELECT} WHERE d.event_id = ? AND d.subscription_id = ?`)
      .bind(eventId, subscriptionId)
      .first<Delivery>();
    return row ?? undefined;
  }

  /** A subscription's latest deliveries, newest attempt first. */
  async deliveriesOf(subscriptionId: string, limit: number): Promise<Delivery[]> {
    const { results } = await this.db
      .prepare(
        `${DELIVERY_SELECT} WHERE d.subscription_id = ? ORDER BY d.last_attempt_at DESC, e.created_at DESC LIMIT ?`,
      )
      .bind(subscriptionId, limit)
      .all<Delivery>();
    return results;
  }

  async attempted(eventId: string, subscriptionId: string, status: DeliveryStatus, result: string, at: string) {
    await this.db
      .prepare(
        "UPDATE deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_result = ? WHERE event_id = ? AND subscription_id = ?",
      )
      .bind(status, at, result, eventId, subscriptionId)
      .run();
  }

  async gaveUp(eventId: string, subscriptionId: string) {
    await this.db
      .prepare(
        "UPDATE deliveries SET status = 'dead' WHERE event_id = ? AND subscription_id = ? AND status = 'pending'",
      )
      .bind(eventId, subscriptionId)
      .run();
  }

  private async batch(statements: D1PreparedStatement[]) {
    for (const chunk of chunks(statements)) await this.db.batch(chunk);
  }
}

const DELIVERY_SELECT = `SELECT d.event_id AS eventId, d.subscription_id AS subscriptionId, e.type AS type, e.slug AS slug,
  d.status AS status, d.attempts AS attempts, d.last_attempt_at AS lastAttemptAt, d.last_result AS lastResult
  FROM deliveries d JOIN events e ON e.id = d.event_id`;

function chunks<T>(items: readonly T[]): T[][] {
  const found: T[][] = [];
  for (let start = 0; start < items.length; start += BATCH) found.push(items.slice(start, start + BATCH));
  return found;
}
