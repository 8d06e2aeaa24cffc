/** An Infobutton feed (src/api/infobutton.ts) as Atom 1.0 XML, the form MedlinePlus Connect serves by default. */
import type { InfobuttonFeed } from "../api/infobutton";
import { element, xmlDocument } from "./xml";

const ATOM = "http://www.w3.org/2005/Atom";

export function renderInfobuttonAtom({ feed }: InfobuttonFeed): string {
  const category = (item: { scheme: string; term: string; label?: string }) =>
    element("category", { scheme: item.scheme, term: item.term, label: item.label });
  const entries = feed.entry.map((entry) =>
    element(
      "entry",
      { "xml:lang": entry.lang },
      element("title", { type: entry.title.type }, entry.title._value),
      ...entry.link.map((link) => element("link", link)),
      element("id", {}, entry.id._value),
      element("updated", {}, entry.updated._value),
      element("summary", { type: entry.summary.type }, entry.summary._value),
      ...entry.author.map((author) => element("author", {}, element("name", {}, author.name._value))),
      element("rights", { type: entry.rights.type }, entry.rights._value),
      ...entry.category.map(category),
    ),
  );
  return xmlDocument(
    element(
      "feed",
      { xmlns: ATOM, "xml:base": feed.base, "xml:lang": feed.lang },
      element("title", { type: feed.title.type }, feed.title._value),
      element("subtitle", { type: feed.subtitle.type }, feed.subtitle._value),
      element("author", {}, element("name", {}, feed.author.name._value), element("uri", {}, feed.author.uri._value)),
      element("updated", {}, feed.updated._value),
      element("id", {}, feed.id._value),
      ...feed.category.map(category),
      ...entries,
    ),
  );
}
