/**
 * Unit tests of the XML writer, beside the module: any text, in an attribute
 * or as character data, leaves a well-formed document that a parser reads
 * back as that text (less what XML 1.0 cannot hold).
 */
import fc from "fast-check";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { element, escapeXml, fragment, xmlDocument } from "./xml";

/** Characters XML 1.0 cannot hold (the module drops them). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
/**
 * Text as a parser reads it back: without what XML cannot hold, and with its
 * line ends normalized to \n (XML 1.0 §2.11; the module writes CR as is).
 */
const readBack = (text: string) => text.replace(NOT_XML, "").replace(/\r\n?/g, "\n");

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

describe("escapeXml", () => {
  it("escapes the five characters markup is made of", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;",
    );
    // An entity already written is text, escaped again.
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });

  it("drops characters XML 1.0 does not allow and keeps the rest", () => {
    expect(escapeXml("a\u0000b\u0008c\u001Fd\uFFFEe\uFFFFf")).toBe("abcdef");
    // A lone surrogate is dropped; a pair (an emoji) is one character and stays.
    expect(escapeXml("x\uD800y\uDC00z")).toBe("xyz");
    expect(escapeXml("tab\there\nline\r🦵 é 中")).toBe("tab\there\nline\r🦵 é 中");
  });
});

describe("element", () => {
  it("writes attributes escaped, leaves out undefined ones, and closes an empty element itself", () => {
    expect(element("link", { rel: "alternate", title: undefined, href: "/a?b=1&c=<2>" }).markup).toBe(
      '<link rel="alternate" href="/a?b=1&amp;c=&lt;2&gt;"/>',
    );
    expect(element("empty").markup).toBe("<empty/>");
    expect(element("empty", {}, "").markup).toBe("<empty/>");
  });

  it("escapes string children and nests element children as markup", () => {
    const child = element("b", {}, "1 < 2");
    expect(element("a", { x: '"' }, "say ", child, " & done").markup).toBe(
      '<a x="&quot;">say <b>1 &lt; 2</b> &amp; done</a>',
    );
  });

  it("puts side-by-side elements in one fragment, and a document after the XML declaration", () => {
    const items = fragment([element("i", {}, "1"), element("i", {}, "2")]);
    expect(element("list", {}, items).markup).toBe("<list><i>1</i><i>2</i></list>");
    expect(fragment([]).markup).toBe("");
    expect(xmlDocument(element("feed", {}, "x"))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<feed>x</feed>\n');
  });

  it("makes any text a well-formed document that reads back as that text", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({
        unit: fc.constantFrom("<", ">", "&", '"', "'", "]]>", "&amp;", "<!--", "\u0000", "a"),
        maxLength: 20,
      }),
    );
    fc.assert(
      fc.property(anyText, anyText, (attribute, text) => {
        const document = xmlDocument(element("root", { value: attribute }, element("text", {}, text), "tail"));
        expect(XMLValidator.validate(document)).toBe(true);
        const parsed = parser.parse(document) as { root: { value: string; text: string | { "#text"?: string } } };
        expect(parsed.root.value).toBe(readBack(attribute));
        const read = parsed.root.text;
        expect(typeof read === "string" ? read : (read["#text"] ?? "")).toBe(readBack(text));
      }),
      { numRuns: 300 },
    );
  });
});
