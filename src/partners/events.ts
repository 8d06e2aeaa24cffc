/**
 * The change events partners are told of, as their receivers get them
 * (Standard Webhooks: `type`, `timestamp`, `data`). One schema each, the
 * single definition the payloads are typed from and the OpenAPI document's
 * `webhooks` are generated from.
 */
import * as z from "zod/mini";
import { Id, Text } from "../content/model";

export const EVENT_TYPES = ["article.published", "article.updated", "article.withdrawn"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A section as it now is: its id and the hash of its content, as `/v1/articles` lists them. */
export const SectionState = z.strictObject({ id: Id, title: z.nullable(Text), hash: z.string() });
export type SectionState = z.infer<typeof SectionState>;

const ArticleLinks = z.strictObject({
  /** The article in the JSON API. */
  api: z.string(),
  /** Its crawlable page. */
  page: z.string(),
});

const ArticleState = {
  slug: Id,
  title: Text,
  /** `sha256:` digest of the whole article, as the list and feeds give it. */
  hash: z.string(),
  /** When this API's copy last changed. */
  updatedAt: z.string(),
  links: ArticleLinks,
};

export const ArticlePublished = z.strictObject({
  type: z.literal("article.published"),
  timestamp: z.string(),
  data: z.strictObject({ ...ArticleState, sections: z.array(SectionState) }),
});

export const ArticleUpdated = z.strictObject({
  type: z.literal("article.updated"),
  timestamp: z.string(),
  data: z.strictObject({
    ...ArticleState,
    /** The sections whose content changed, or that are new, with their new hashes. */
    changedSections: z.array(SectionState),
    /** The ids of sections the article no longer has. */
    removedSections: z.array(Id),
  }),
});

export const ArticleWithdrawn = z.strictObject({
  type: z.literal("article.withdrawn"),
  timestamp: z.string(),
  data: z.strictObject({
    slug: Id,
    /** The date of the withdrawal, `YYYY-MM-DD`: the publisher's, or the day the article was found gone. */
    withdrawnAt: z.string(),
    /** The publisher's reason, when it gave one. */
    reason: z.nullable(Text),
    /** The article that replaces it in this API, when one does. */
    replacedBy: z.nullable(z.string()),
  }),
});

export type ArticlePublished = z.infer<typeof ArticlePublished>;
export type ArticleUpdated = z.infer<typeof ArticleUpdated>;
export type ArticleWithdrawn = z.infer<typeof ArticleWithdrawn>;
export type ChangeEvent = ArticlePublished | ArticleUpdated | ArticleWithdrawn;

/** Each event type's schema, for the OpenAPI document's `webhooks`. */
export const EVENT_SCHEMAS = {
  "article.published": { schema: ArticlePublished, component: "ArticlePublishedEvent" },
  "article.updated": { schema: ArticleUpdated, component: "ArticleUpdatedEvent" },
  "article.withdrawn": { schema: ArticleWithdrawn, component: "ArticleWithdrawnEvent" },
} as const satisfies Record<EventType, { schema: z.ZodMiniType; component: string }>;
