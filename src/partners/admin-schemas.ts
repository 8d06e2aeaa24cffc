/** The admin API's bodies (src/routes/admin.ts): a subscription asked for, as kept, and as its owner sees it. */
import * as z from "zod/mini";
import { Id } from "../content/model";
import { EVENT_TYPES } from "./events";

/** At most this many articles in one subscription's list; past that, subscribe to all. */
export const MAX_SUBSCRIBED_ARTICLES = 100;

/**
 * An HTTPS URL of a host by name: the events are health content, sent only
 * encrypted, and never to an address (a loopback or private one) that is
 * not a partner's public endpoint.
 */
const EndpointUrl = z
  .string()
  .check(
    z.maxLength(2000, "must be at most 2000 characters"),
    z.refine(isPublicHttpsUrl, "must be an https URL of a public host name (not an IP address or localhost)"),
  );

function isPublicHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname, username, password } = new URL(value);
  const address = /^[\d.]+$/.test(hostname) || hostname.startsWith("[");
  const local = hostname === "localhost" || hostname.endsWith(".localhost") || !hostname.includes(".");
  return protocol === "https:" && !address && !local && username === "" && password === "";
}

export const SubscriptionRequest = z.strictObject({
  url: EndpointUrl,
  /** Every event type when absent. */
  events: z.optional(z.array(z.enum(EVENT_TYPES)).check(z.minLength(1), z.maxLength(EVENT_TYPES.length))),
  /** Every article when absent. */
  articles: z.optional(z.array(Id).check(z.minLength(1), z.maxLength(MAX_SUBSCRIBED_ARTICLES))),
});
export type SubscriptionRequest = z.output<typeof SubscriptionRequest>;

export const SubscriptionView = z.strictObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(EVENT_TYPES)),
  articles: z.nullable(z.array(Id)),
  createdAt: z.string(),
  status: z.enum(["active", "disabled"]),
  /** When and why deliveries stopped: the endpoint answered 410, or kept failing. */
  disabledAt: z.nullable(z.string()),
  disabledReason: z.nullable(z.string()),
  failedDeliveries: z.number(),
  lastSuccessAt: z.nullable(z.string()),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

/** Answered once, when the subscription is made: the signing secret is never shown again. */
export const SubscriptionCreated = z.strictObject({ ...SubscriptionView.shape, secret: z.string() });
export type SubscriptionCreated = z.infer<typeof SubscriptionCreated>;

export const SubscriptionList = z.array(SubscriptionView);
export type SubscriptionList = z.infer<typeof SubscriptionList>;

export const DeliveryView = z.strictObject({
  eventId: z.string(),
  type: z.enum(EVENT_TYPES),
  slug: Id,
  status: z.enum(["pending", "delivered", "dead"]),
  attempts: z.number(),
  lastAttemptAt: z.nullable(z.string()),
  /** `HTTP 200`, `HTTP 500`, or why no answer came. */
  lastResult: z.nullable(z.string()),
});

export const SubscriptionStatus = z.strictObject({ ...SubscriptionView.shape, deliveries: z.array(DeliveryView) });
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;
