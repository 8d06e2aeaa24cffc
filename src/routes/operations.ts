/**
 * Every operation the service offers, in the order the OpenAPI document
 * lists them: each route file declares its own beside its handlers. A new
 * route in an existing file needs nothing here; a new route file adds its list.
 */
import type { Operation } from "../openapi/operation";
import { ARTICLE_OPERATIONS } from "./articles";
import { CDS_OPERATIONS } from "./cds-services";
import { CONDITION_OPERATIONS } from "./conditions";
import { CRAWLER_OPERATIONS } from "./crawlers";
import { DOCS_OPERATIONS } from "./docs";
import { EMBED_OPERATIONS } from "./embeds";
import { FEED_OPERATIONS } from "./feeds";
import { HEALTH_OPERATIONS } from "./health";
import { INFOBUTTON_OPERATIONS } from "./infobutton";
import { PAGE_OPERATIONS } from "./pages";
import { PROBLEM_OPERATIONS } from "./problems";
import { SEARCH_OPERATIONS } from "./search";
import { SERVICE_INDEX_OPERATIONS } from "./service-index";

export const OPERATIONS: readonly Operation[] = [
  ...SERVICE_INDEX_OPERATIONS,
  ...ARTICLE_OPERATIONS,
  ...CONDITION_OPERATIONS,
  ...SEARCH_OPERATIONS,
  ...INFOBUTTON_OPERATIONS,
  ...CDS_OPERATIONS,
  ...PAGE_OPERATIONS,
  ...EMBED_OPERATIONS,
  ...FEED_OPERATIONS,
  ...CRAWLER_OPERATIONS,
  ...DOCS_OPERATIONS,
  ...PROBLEM_OPERATIONS,
  ...HEALTH_OPERATIONS,
];
