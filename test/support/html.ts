/** Reads elements out of an HTML response with workerd's own streaming parser, HTMLRewriter. */

export interface ScannedElement {
  attributes: Record<string, string>;
  /** Text content; this and attribute values have the few entities the renderer emits decoded. */
  text: string;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Every element matching each selector, in document order, with its attributes and text. */
export async function scan(html: string, selectors: string[]): Promise<Record<string, ScannedElement[]>> {
  const found: Record<string, ScannedElement[]> = {};
  let rewriter = new HTMLRewriter();
  for (const selector of selectors) {
    const elements: ScannedElement[] = [];
    found[selector] = elements;
    rewriter = rewriter.on(selector, {
      element(element) {
        const attributes: Record<string, string> = {};
        for (const [name = "", value = ""] of element.attributes) attributes[name] = decodeEntities(value);
        elements.push({ attributes, text: "" });
      },
      text(chunk) {
        const current = elements.at(-1);
        if (current) current.text += chunk.text;
      },
    });
  }
  await rewriter.transform(new Response(html)).text();
  for (const elements of Object.values(found)) {
    for (const element of elements) element.text = decodeEntities(element.text);
  }
  return found;
}
