/**
 * `/v1/infobutton`: HL7 Infobutton (URL-based) knowledge requests, with
 * MedlinePlus Connect's parameters, so an EHR configured for it can point
 * here. Atom (text/xml) by default, or JSON; no match is an empty feed.
 */
import { Hono } from "hono";
import { canonicalInfobuttonQuery, type InfobuttonFeed, infobuttonFeed } from "../api/infobutton";
import { INFOBUTTON_RESPONSE_TYPES, InfobuttonQuery } from "../api/parameters";
import type { AppEnv } from "../env";
import { collectionCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { chooseMedia } from "../http/negotiation";
import { sendRepresentation } from "../http/send";
import { validQuery } from "../http/validation";
import { renderInfobuttonAtom } from "../render/infobutton-atom";

export const infobuttonRoutes = new Hono<AppEnv>().get("/", validQuery(InfobuttonQuery), async (c) => {
  const { library, baseUrl, representations } = c.var;
  const query = c.req.valid("query");
  // knowledgeResponseType decides, as in MedlinePlus Connect; without it, Accept does (Atom first).
  const requested = query.knowledgeResponseType;
  const media = requested ?? chooseMedia(c.req.header("Accept"), INFOBUTTON_RESPONSE_TYPES);
  const key = `infobutton ${baseUrl} ${media} ${canonicalInfobuttonQuery(query)}`;
  const representation = await representations.get<InfobuttonFeed>(key, () => {
    const feed = infobuttonFeed(library, query, baseUrl);
    // It lists articles: purged with the collection.
    const common = { lastModified: library.updatedAt, headers: collectionCacheTag() };
    return media === MEDIA.json
      ? { json: feed, ...common }
      : { text: renderInfobuttonAtom(feed), contentType: `${media}; charset=utf-8`, ...common };
  });
  return sendRepresentation(c, representation, requested ? undefined : "Accept");
});
