/**
 * The document's `webhooks` (OpenAPI 3.1): each change event partners are
 * sent, as the POST their endpoint receives, with Standard Webhooks' headers.
 */
import { MEDIA } from "../http/media-types";
import { EVENT_SCHEMAS, type EventType } from "../partners/events";

const ABOUT: Record<EventType, string> = {
  "article.published": "An article new to the library, with every section's id and content hash.",
  "article.updated":
    "An article whose content changed: the sections that changed or are new, with their new hashes, and the ids of those removed. Both lists are empty when only its title, description or dates changed.",
  "article.withdrawn":
    "An article no longer published: when, why (when the publisher said) and what replaces it, if anything.",
};

const header = (description: string, example: string) => ({
  in: "header",
  required: true,
  description,
  schema: { type: "string" },
  example,
});

/** Standard Webhooks' three headers, the same on every delivery. */
const HEADERS = [
  {
    name: "webhook-id",
    ...header(
      "The event's id: the same on every retry, so a receiver can tell a repeat.",
      "evt_3f1Yq8aX0cN2mT7rB9kLw4dE6hJ5sPzU",
    ),
  },
  {
    name: "webhook-timestamp",
    ...header("When this attempt was sent, in seconds since 1970: refuse one too old (a replay).", "1796587200"),
  },
  {
    name: "webhook-signature",
    ...header(
      "`v1,` and the base64 HMAC-SHA256, with the subscription's secret (after `whsec_`, base64), of `{webhook-id}.{webhook-timestamp}.{body}`.",
      "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
    ),
  },
];

export function webhooks(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(EVENT_SCHEMAS).map(([type, { component }]) => [
      type,
      {
        post: {
          operationId: `${type.replace(/\.(\w)/, (_, letter: string) => letter.toUpperCase())}Event`,
          summary: type,
          description: ABOUT[type as EventType],
          tags: ["Partners"],
          parameters: HEADERS,
          requestBody: {
            required: true,
            content: { [MEDIA.json]: { schema: { $ref: `#/components/schemas/${component}` } } },
          },
          responses: {
            "200": {
              description: "Any 2xx: delivered. Anything else, or no answer in 15 s, is retried with growing waits.",
            },
            "410": { description: "Gone: no more deliveries to this endpoint; the subscription is disabled." },
          },
        },
      },
    ]),
  );
}

/** The event schemas, as components the webhooks refer to. */
export const WEBHOOK_COMPONENTS = Object.fromEntries(
  Object.values(EVENT_SCHEMAS).map(({ schema, component }) => [component, schema]),
);
