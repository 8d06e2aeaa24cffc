/**
 * `/v1/admin/subscriptions`: partners' webhook subscriptions, for this
 * service's operators (the admin token as a bearer token). A subscription's
 * signing secret is shown once, when it is made; its status says whether
 * deliveries go out and, when they stopped, why.
 */
import type { Context } from "hono";
import type { AppEnv } from "../http/app-env";
import { STANDARD_HEADERS } from "../http/cross-origin";
import { MEDIA } from "../http/media-types";
import { notFound } from "../http/problem";
import { json, type Operation } from "../openapi/operation";
import {
  SubscriptionCreated,
  SubscriptionList,
  SubscriptionRequest,
  SubscriptionStatus,
  type SubscriptionView,
} from "../partners/admin-schemas";
import { EventLog } from "../partners/event-log";
import { EVENT_TYPES } from "../partners/events";
import { newSecret, newSubscriptionId } from "../partners/signing";
import { type Subscription, Subscriptions } from "../partners/subscriptions";
import { defineRoute } from "./route";

/** The deliveries a subscription's status shows, newest first. */
const RECENT_DELIVERIES = 20;

/** What every operator's operation is: for the admin token only, and answered afresh. */
const OPERATOR = { tag: "Partners", admin: true, fresh: true } as const;

const subscriptionId = {
  id: { description: "The subscription's id, as made.", example: "sub_9Bq2d0mX4u8cKpLr1vTz3A" },
} as const;

const createSubscription = {
  path: "/v1/admin/subscriptions",
  method: "post",
  operationId: "createSubscription",
  summary: "Subscribe a partner's endpoint",
  description:
    "Partners are told of `article.published`, `article.updated` (naming the sections that changed) and `article.withdrawn`, for every article or the ones listed, by a signed POST to their HTTPS endpoint (Standard Webhooks; the `webhooks` of this document describe each event). The answer holds the signing secret: it is shown this once.",
  ...OPERATOR,
  requestBody: {
    schema: SubscriptionRequest,
    component: "SubscriptionRequest",
    description: "The endpoint, and optionally the event types and articles it wants.",
    example: { url: "https://partner.example.org/health-content/events", events: ["article.updated"] },
  },
  content: json(SubscriptionCreated, "SubscriptionCreated"),
  status: 201,
  errors: [400, 401, 413, 415],
} as const satisfies Operation;

const listSubscriptions = {
  path: "/v1/admin/subscriptions",
  operationId: "listSubscriptions",
  summary: "List subscriptions",
  description: "Every subscription, active or disabled, without secrets.",
  ...OPERATOR,
  content: json(SubscriptionList, "SubscriptionList"),
  errors: [401],
} as const satisfies Operation;

const getSubscription = {
  path: "/v1/admin/subscriptions/{id}",
  operationId: "getSubscription",
  summary: "A subscription and its latest deliveries",
  description: `Whether deliveries go out, and, when they stopped, when and why; with its latest ${RECENT_DELIVERIES} deliveries, each with its attempts and what the endpoint last answered.`,
  ...OPERATOR,
  pathParameters: subscriptionId,
  content: json(SubscriptionStatus, "SubscriptionStatus"),
  errors: [401, 404],
} as const satisfies Operation;

const enableSubscription = {
  path: "/v1/admin/subscriptions/{id}/enable",
  method: "post",
  operationId: "enableSubscription",
  summary: "Resume a disabled subscription",
  description:
    "Deliveries resume, for events from now on, once the endpoint is fixed. Deliveries given up on are not sent again: the change log and `updatedSince` tell what changed meanwhile.",
  ...OPERATOR,
  pathParameters: subscriptionId,
  content: json(SubscriptionStatus, "SubscriptionStatus"),
  errors: [401, 404],
} as const satisfies Operation;

const deleteSubscription = {
  path: "/v1/admin/subscriptions/{id}",
  method: "delete",
  operationId: "deleteSubscription",
  summary: "Unsubscribe",
  description: "The subscription and its deliveries are deleted; nothing more is sent to it.",
  ...OPERATOR,
  pathParameters: subscriptionId,
  content: {},
  status: 204,
  errors: [401, 404],
} as const satisfies Operation;

const FRESH_JSON = { ...STANDARD_HEADERS, "Content-Type": `${MEDIA.json}; charset=utf-8`, "Cache-Control": "no-store" };

export const ADMIN_ROUTES = [
  defineRoute(createSubscription, async (c) => {
    const request = c.req.valid("json");
    const subscription: Subscription = {
      id: newSubscriptionId(),
      url: request.url,
      events: request.events ? [...new Set(request.events)] : [...EVENT_TYPES],
      articles: request.articles ? [...new Set(request.articles)] : null,
      createdAt: new Date().toISOString(),
      disabledAt: null,
      disabledReason: null,
      failedDeliveries: 0,
      lastSuccessAt: null,
    };
    const secret = newSecret();
    await new Subscriptions(c.env.PARTNERS).create(subscription, secret);
    const location = `${c.var.baseUrl}/v1/admin/subscriptions/${subscription.id}`;
    return c.json({ ...view(subscription), secret } satisfies SubscriptionCreated, 201, {
      ...FRESH_JSON,
      Location: location,
    });
  }),
  defineRoute(listSubscriptions, async (c) => {
    const subscriptions = await new Subscriptions(c.env.PARTNERS).list();
    return c.json(subscriptions.map(view) satisfies SubscriptionList, 200, FRESH_JSON);
  }),
  defineRoute(getSubscription, async (c) => c.json(await status(c, c.req.param("id")), 200, FRESH_JSON)),
  defineRoute(enableSubscription, async (c) => {
    const id = c.req.param("id");
    await new Subscriptions(c.env.PARTNERS).enable(id);
    return c.json(await status(c, id), 200, FRESH_JSON);
  }),
  defineRoute(deleteSubscription, async (c) => {
    const id = c.req.param("id");
    if (!(await new Subscriptions(c.env.PARTNERS).delete(id))) notFound(`There is no subscription "${id}".`);
    return c.body(null, 204, { ...STANDARD_HEADERS, "Cache-Control": "no-store" });
  }),
] as const;

function view(subscription: Subscription): SubscriptionView {
  return { ...subscription, status: subscription.disabledAt === null ? "active" : "disabled" };
}

async function status(c: Context<AppEnv>, id: string): Promise<SubscriptionStatus> {
  const subscription =
    (await new Subscriptions(c.env.PARTNERS).find(id)) ?? notFound(`There is no subscription "${id}".`);
  const deliveries = await new EventLog(c.env.PARTNERS).deliveriesOf(id, RECENT_DELIVERIES);
  return { ...view(subscription), deliveries };
}
