/** Partners' subscriptions in D1 (migrations/partners/): who is told of which events, and how their deliveries go. */
import type { EventType } from "./events";

export interface Subscription {
  id: string;
  url: string;
  events: EventType[];
  /** The articles it is told of, by slug; null for every article. */
  articles: string[] | null;
  createdAt: string;
  /** When deliveries stopped, and why; null while active. */
  disabledAt: string | null;
  disabledReason: string | null;
  /** Deliveries given up on (every retry failed) since the last success. */
  failedDeliveries: number;
  lastSuccessAt: string | null;
}

interface SubscriptionRow {
  id: string;
  url: string;
  events: string;
  articles: string | null;
  created_at: string;
  disabled_at: string | null;
  disabled_reason: string | null;
  failed_deliveries: number;
  last_success_at: string | null;
}

const COLUMNS =
  "id, url, events, articles, created_at, disabled_at, disabled_reason, failed_deliveries, last_success_at";

function fromRow(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as EventType[],
    articles: row.articles === null ? null : (JSON.parse(row.articles) as string[]),
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    failedDeliveries: row.failed_deliveries,
    lastSuccessAt: row.last_success_at,
  };
}

/** Whether a subscription wants an event of this type about this article. */
export function wants(subscription: Subscription, type: EventType, slug: string): boolean {
  return (
    subscription.disabledAt === null &&
    subscription.events.includes(type) &&
    (subscription.articles === null || subscription.articles.includes(slug))
  );
}

export class Subscriptions {
  constructor(private readonly db: D1Database) {}

  async create(subscription: Pick<Subscription, "id" | "url" | "events" | "articles" | "createdAt">, secret: string) {
    const { id, url, events, articles, createdAt } = subscription;
    await this.db
      .prepare("INSERT INTO subscriptions (id, url, secret, events, articles, created_at) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(id, url, secret, JSON.stringify(events), articles === null ? null : JSON.stringify(articles), createdAt)
      .run();
  }

  async list(): Promise<Subscription[]> {
    const { results } = await this.db
      .prepare(`SELECT ${COLUMNS} FROM subscriptions ORDER BY created_at, id`)
      .all<SubscriptionRow>();
    return results.map(fromRow);
  }

  async active(): Promise<Subscription[]> {
    return (await this.list()).filter((subscription) => subscription.disabledAt === null);
  }

  async find(id: string): Promise<Subscription | undefined> {
    const row = await this.db
      .prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE id = ?`)
      .bind(id)
      .first<SubscriptionRow>();
    return row ? fromRow(row) : undefined;
  }

  /** The subscription and its secret, for signing a delivery. */
  async withSecret(id: string): Promise<{ subscription: Subscription; secret: string } | undefined> {
    const row = await this.db
      .prepare(`SELECT ${COLUMNS}, secret FROM subscriptions WHERE id = ?`)
      .bind(id)
      .first<SubscriptionRow & { secret: string }>();
    return row ? { subscription: fromRow(row), secret: row.secret } : undefined;
  }

  /** True when there was one to delete. */
  async delete(id: string): Promise<boolean> {
    await this.db.prepare("DELETE FROM deliveries WHERE subscription_id = ?").bind(id).run();
    const result = await this.db.prepare("DELETE FROM subscriptions WHERE id = ?").bind(id).run();
    return result.meta.changes > 0;
  }

  /** Deliveries resume; the count of failures starts again. */
  async enable(id: string): Promise<void> {
    await this.db
      .prepare(
        "UPDATE subscriptions SET disabled_at = NULL, disabled_reason = NULL, failed_deliveries = 0 WHERE id = ?",
      )
      .bind(id)
      .run();
  }

  async disable(id: string, reason: string, at: string): Promise<void> {
    await this.db
      .prepare("UPDATE subscriptions SET disabled_at = ?, disabled_reason = ? WHERE id = ? AND disabled_at IS NULL")
      .bind(at, reason, id)
      .run();
  }

  async succeeded(id: string, at: string): Promise<void> {
    await this.db
      .prepare("UPDATE subscriptions SET failed_deliveries = 0, last_success_at = ? WHERE id = ?")
      .bind(at, id)
      .run();
  }

  /** One more delivery given up on; the count after it. */
  async gaveUp(id: string): Promise<number> {
    const row = await this.db
      .prepare(
        "UPDATE subscriptions SET failed_deliveries = failed_deliveries + 1 WHERE id = ? RETURNING failed_deliveries",
      )
      .bind(id)
      .first<{ failed_deliveries: number }>();
    return row?.failed_deliveries ?? 0;
  }
}
