/**
 * The OpenAPI 3.1 document, generated from the routes' operations (src/app.ts
 * lists them) and the zod schemas. Built on the first request for it and
 * stored like any other representation.
 */
import { componentResponses, componentSchemas } from "./components";
import type { Operation, Tag } from "./operation";
import { type PathOptions, pathItem } from "./paths";
import { WEBHOOK_COMPONENTS, webhooks } from "./webhooks";

export interface DocumentOptions extends PathOptions {
  title: string;
  version: string;
}

const TAGS: Record<Tag, string> = {
  Articles: "Articles as typed JSON, JSON-LD or Markdown: whole, narrowed to sections, or one section.",
  Search: "The library's titles, headings and text searched, with matching sentences in the publisher's words.",
  Conditions: "The structured medical facts behind an article, each quoting the publisher's words.",
  "Clinical systems": "Patient education by clinical code for EHRs: HL7 Infobutton and CDS Hooks.",
  Pages: "Crawlable HTML pages with schema.org JSON-LD.",
  Embeds: "For partner sites: an iframe page, the <health-article> element and oEmbed.",
  Discovery: "What is here: the service index, this document, feeds, sitemap and robots.txt.",
  Problems: "What each error `type` means.",
  Partners:
    "Webhook subscriptions, for this service's operators (bearer token): partners are told of each article published, updated or withdrawn (the `webhooks`).",
};

export function openApiDocument(operations: readonly Operation[], options: DocumentOptions): Record<string, unknown> {
  const { base, title, version } = options;
  return {
    openapi: "3.1.0",
    info: {
      title,
      version,
      contact: { name: `${title} maintainers` },
      // The service's code and description carry no open licence (an SPDX LicenseRef says so);
      // each article states its own licence, or that its publisher gave none.
      license: {
        name: "All rights reserved; article content under each article's own licence (`licence`)",
        identifier: "LicenseRef-All-Rights-Reserved",
      },
      description: [
        "Patient-facing health articles as typed JSON, schema.org JSON-LD, Markdown, HTML pages and partner embeds.",
        "Every content route answers GET and HEAD (CDS Hooks services answer POST); any origin may read (CORS). Partners can be told of every change by webhooks (`webhooks`). Content responses carry a strong `ETag` and `Last-Modified` and answer conditional requests with 304. Errors are RFC 9457 `application/problem+json`.",
      ].join("\n\n"),
    },
    servers: [{ url: base }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    // Deliberately open: public content, no accounts or keys. An empty requirement says so for every operation.
    security: [],
    paths: pathItems(operations, options),
    webhooks: webhooks(),
    components: {
      schemas: componentSchemas(operations, WEBHOOK_COMPONENTS),
      responses: componentResponses(),
      securitySchemes: {
        adminToken: {
          type: "http",
          scheme: "bearer",
          description: "The admin token (the ADMIN_TOKEN secret), for this service's operators only.",
        },
      },
    },
  };
}

/** Each path's operations, one item per path whatever how many methods it answers. */
function pathItems(operations: readonly Operation[], options: DocumentOptions): Record<string, unknown> {
  const items: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    items[operation.path] = { ...items[operation.path], ...pathItem(operation, options) };
  }
  return items;
}
