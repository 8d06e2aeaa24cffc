/** Article text as semantic HTML, shared by the article page and the embed. Text is escaped by JSX. */
import { type FC, jsx } from "hono/jsx";
import type { Block, ListItem, Section } from "../content/model";

const Items: FC<{ items: ListItem[] }> = ({ items }) => (
  <>
    {items.map((item) => (
      <li>
        {item.text}
        {item.items.length > 0 ? <ul>{<Items items={item.items} />}</ul> : null}
      </li>
    ))}
  </>
);

const BlockView: FC<{ block: Block }> = ({ block }) => {
  switch (block.type) {
    case "paragraph":
      return <p>{block.text}</p>;
    case "list":
      return jsx(block.ordered ? "ol" : "ul", {}, <Items items={block.items} />);
    case "figure":
      // A caption whose image was not supplied has nothing to show on a page.
      return block.image ? (
        <figure>
          <img src={block.image} alt={block.caption} loading="lazy" />
          <figcaption>{block.caption}</figcaption>
        </figure>
      ) : null;
  }
};

export const Blocks: FC<{ blocks: Block[] }> = ({ blocks }) => (
  <>
    {blocks.map((block) => (
      <BlockView block={block} />
    ))}
  </>
);

/**
 * A section and its subsections. `shift` moves heading levels so that the
 * outermost section shown gets an `<h2>` wherever it sits in the article. The
 * untitled opening text is a `<div>`: a `<section>` is for a titled part.
 */
export const SectionView: FC<{ section: Section; shift?: number }> = ({ section, shift = 0 }) => {
  const level = Math.min(6, Math.max(2, section.level - shift));
  const children = [
    section.title ? jsx(`h${level}`, {}, section.title) : null,
    <Blocks blocks={section.blocks} />,
    ...section.sections.map((child) => <SectionView section={child} shift={shift} />),
  ];
  return jsx(section.title ? "section" : "div", { id: section.id }, ...children);
};
