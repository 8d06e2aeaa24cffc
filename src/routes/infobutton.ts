/**
 * `/v1/infobutton`: HL7 Infobutton (URL-based) knowledge requests, with
 * MedlinePlus Connect's parameters, so an EHR configured for it can point
 * here. Atom (text/xml) by default, or JSON; no match is an empty feed.
 */
import { canonicalInfobuttonQuery, InfobuttonFeed, infobuttonFeed, MAX_ENTRIES } from "../api/infobutton";
import { InfobuttonQuery } from "../api/parameters";
import { privateCacheHeaders } from "../http/cache-policy";
import { MEDIA } from "../http/media-types";
import { sendRepresentation } from "../http/send";
import { json, type Operation } from "../openapi/operation";
import { renderInfobuttonAtom } from "../render/infobutton-atom";
import { defineRoute, representationOf } from "./route";

const getInfobuttonKnowledge = {
  path: "/v1/infobutton",
  operationId: "getInfobuttonKnowledge",
  summary: "HL7 Infobutton knowledge request",
  description:
    "Patient education by clinical code, with MedlinePlus Connect's parameters (HL7 Context-Aware Knowledge Retrieval, URL-based), so an EHR configured for MedlinePlus Connect can point here. Answers an Atom feed (`text/xml`, the default) or the same feed as JSON, of the newest " +
    `${MAX_ENTRIES}` +
    " matching articles at most; no match is an empty feed. Codes this service mapped an article to are labelled as its mappings, never the publisher's. JSONP is not served: any origin may read the JSON (CORS).",
  tag: "Clinical systems",
  query: {
    schema: InfobuttonQuery,
    describe: {
      "mainSearchCriteria.v.c": { description: "The clinical code.", example: "R25.2" },
      "mainSearchCriteria.v.cs": {
        description:
          "The code system's OID: ICD-10-CM 2.16.840.1.113883.6.90, SNOMED CT 2.16.840.1.113883.6.96, RxNorm 2.16.840.1.113883.6.88, LOINC 2.16.840.1.113883.6.1. Any system when absent; an OID of another system matches nothing.",
        example: "2.16.840.1.113883.6.90",
      },
      "mainSearchCriteria.v.dn": {
        description: "The concept's display name; used to match article and condition names when no code is given.",
        example: "Cramp and spasm",
      },
      "informationRecipient.languageCode.c": {
        description: "The reader's language (`en` by default); articles in other languages are not listed.",
        example: "en",
      },
      knowledgeResponseType: {
        description: "`text/xml` (Atom, the default), `application/atom+xml` or `application/json`.",
        example: "application/json",
      },
    },
  },
  // knowledgeResponseType decides, as in MedlinePlus Connect; without it, Accept does (Atom first).
  content: {
    "text/xml": {
      text: "The default: an Atom 1.0 feed, one entry per matching article, with the matching code as a `category`.",
    },
    "application/atom+xml": { text: "The same Atom feed, with Atom's own media type." },
    ...json(InfobuttonFeed, "InfobuttonFeed"),
  },
  mediaParameter: "knowledgeResponseType",
  errors: [400, 503],
} as const satisfies Operation;

export const INFOBUTTON_ROUTES = [
  defineRoute(getInfobuttonKnowledge, async (c) => {
    const { baseUrl, media } = c.var;
    const library = await c.var.library();
    const query = c.req.valid("query");
    const variant = [baseUrl, media, canonicalInfobuttonQuery(query)];
    const representation = await representationOf<InfobuttonFeed>(c, variant, () => {
      const feed = infobuttonFeed(library, query, baseUrl);
      // The URL names a patient's condition: no shared cache keeps it.
      const common = { lastModified: library.updatedAt, headers: privateCacheHeaders(c.env) };
      return media === MEDIA.json
        ? { json: feed, ...common }
        : { text: renderInfobuttonAtom(feed), contentType: `${media}; charset=utf-8`, ...common };
    });
    return sendRepresentation(c, representation, query.knowledgeResponseType ? undefined : "Accept");
  }),
] as const;
