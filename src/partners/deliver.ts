/**
 * The queue consumer: posts each event to each subscription that wants it,
 * signed (Standard Webhooks), and judges the answer as the specification
 * asks: 2xx delivered; 410 Gone disables the subscription; anything else, or
 * no answer in time, is retried after a growing wait (with jitter, and no
 * sooner than a Retry-After), until the queue's retries run out and the
 * message goes to the dead-letter queue, where it is given up on. A
 * subscription whose deliveries keep being given up on is disabled, and says why.
 */
import type { DeliveryMessage } from "./announce";
import { EventLog, type StoredEvent } from "./event-log";
import { signedHeaders } from "./signing";
import { Subscriptions } from "./subscriptions";

/** wrangler.toml's dead-letter queue: messages whose every retry failed. */
export const DEAD_LETTER_QUEUE = "health-content-webhooks-dead";

/** Deliveries given up on in a row (no success between) before a subscription is disabled. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 3;

/** How long a receiver has to answer (the specification suggests 15 to 30 seconds). */
const TIMEOUT_MS = 15_000;

/** The longest a message may wait before its next attempt (Cloudflare Queues' limit). */
const MAX_DELAY_SECONDS = 43_200;

type PartnerEnv = Pick<Env, "PARTNERS" | "WEBHOOK_RETRY_DELAYS">;

interface Outcome {
  /** `HTTP 200`, `HTTP 500`, or why no answer came. */
  result: string;
  kind: "delivered" | "gone" | "failed";
  retryAfterSeconds?: number;
}

export async function deliverBatch(batch: MessageBatch<DeliveryMessage>, env: PartnerEnv): Promise<void> {
  const handle = batch.queue === DEAD_LETTER_QUEUE ? giveUp : deliver;
  for (const message of batch.messages) await handle(message, env);
}

async function deliver(message: Message<DeliveryMessage>, env: PartnerEnv): Promise<void> {
  const { eventId, subscriptionId } = message.body;
  const subscriptions = new Subscriptions(env.PARTNERS);
  const log = new EventLog(env.PARTNERS);
  const [target, event, delivery] = await Promise.all([
    subscriptions.withSecret(subscriptionId),
    log.event(eventId),
    log.delivery(eventId, subscriptionId),
  ]);
  // Deleted, disabled, or already delivered (a message the queue delivered twice): nothing to post.
  if (!target || !event || delivery?.status !== "pending" || target.subscription.disabledAt !== null) {
    return message.ack();
  }
  const outcome = await post(target.subscription.url, target.secret, event);
  const at = new Date().toISOString();
  await log.attempted(
    eventId,
    subscriptionId,
    outcome.kind === "delivered" ? "delivered" : "pending",
    outcome.result,
    at,
  );
  if (outcome.kind === "delivered") {
    await subscriptions.succeeded(subscriptionId, at);
    return message.ack();
  }
  if (outcome.kind === "gone") {
    await subscriptions.disable(subscriptionId, `The endpoint answered 410 Gone at ${at}: no more deliveries.`, at);
    return message.ack();
  }
  message.retry({ delaySeconds: retryDelay(message.attempts, env.WEBHOOK_RETRY_DELAYS, outcome.retryAfterSeconds) });
}

/** A message whose every retry failed: its delivery is given up on, and the subscription disabled after enough of them. */
async function giveUp(message: Message<DeliveryMessage>, env: PartnerEnv): Promise<void> {
  const { eventId, subscriptionId } = message.body;
  const log = new EventLog(env.PARTNERS);
  const subscriptions = new Subscriptions(env.PARTNERS);
  const delivery = await log.delivery(eventId, subscriptionId);
  if (delivery?.status === "pending") {
    await log.gaveUp(eventId, subscriptionId);
    const failed = await subscriptions.gaveUp(subscriptionId);
    if (failed >= DISABLE_AFTER_FAILED_DELIVERIES) {
      const reason = `${failed} deliveries in a row failed after every retry; the last attempt got ${delivery.lastResult ?? "no answer"} at ${delivery.lastAttemptAt ?? "an unknown time"}.`;
      await subscriptions.disable(subscriptionId, reason, new Date().toISOString());
    }
  }
  message.ack();
}

async function post(url: string, secret: string, event: StoredEvent): Promise<Outcome> {
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "health-content-api-webhooks",
    ...signedHeaders(secret, event.id, new Date(), event.payload),
  };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers,
      body: event.payload,
      // A redirect is a failure: the subscription should name the endpoint itself.
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    const result = `HTTP ${response.status}`;
    if (response.status >= 200 && response.status < 300) return { result, kind: "delivered" };
    if (response.status === 410) return { result, kind: "gone" };
    return { result, kind: "failed", retryAfterSeconds: retryAfter(response.headers.get("Retry-After")) };
  } catch (error) {
    const why = error instanceof Error && error.name === "TimeoutError" ? "no answer within 15 s" : "no answer";
    return { result: why, kind: "failed" };
  }
}

/**
 * The wait before attempt `attempts + 1`: the configured schedule
 * (WEBHOOK_RETRY_DELAYS, seconds), its last step repeated, give or take a
 * tenth, and never sooner than the receiver's Retry-After.
 */
export function retryDelay(attempts: number, schedule: string, retryAfterSeconds = 0, random = Math.random): number {
  const steps = schedule.split(",").map((step) => Number(step.trim()));
  const step = steps[Math.min(Math.max(attempts, 1), steps.length) - 1] ?? 0;
  const jittered = Math.round(step * (0.9 + 0.2 * random()));
  return Math.min(MAX_DELAY_SECONDS, Math.max(jittered, retryAfterSeconds));
}

function retryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}
