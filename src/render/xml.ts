/**
 * XML written safely: every text and attribute value is escaped, and
 * characters XML 1.0 does not allow are dropped, so no content can become
 * markup or make the document unparseable. Markup is a branded value, so
 * an unescaped string cannot be passed where markup is expected.
 */

export interface Xml {
  readonly markup: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text as XML character data. */
export function escapeXml(text: string): string {
  // XML 1.0 allows tab, LF, CR and U+0020 and above, except surrogates and U+FFFE/U+FFFF.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** An element with attributes (undefined ones left out) and children: elements, or strings as text. */
export function element(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: (Xml | string)[]
): Xml {
  const attrs = Object.entries(attributes)
    .flatMap(([key, value]) => (value === undefined ? [] : [` ${key}="${escapeXml(value)}"`]))
    .join("");
  const content = children.map((child) => (typeof child === "string" ? escapeXml(child) : child.markup)).join("");
  return { markup: content === "" ? `<${name}${attrs}/>` : `<${name}${attrs}>${content}</${name}>` };
}

/** Elements side by side, as one child: a list too long to pass as a function's arguments. */
export function fragment(children: readonly Xml[]): Xml {
  return { markup: children.map((child) => child.markup).join("") };
}

/** A whole document: the XML declaration and its root element. */
export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root.markup}\n`;
}
