/** Article text: sections of typed blocks, and the FAQ. */
import * as z from "zod/mini";
import { HttpUrl, Id, Text } from "./text";

export interface ListItem {
  text: string;
  items: ListItem[];
}
export const ListItem: z.ZodMiniType<ListItem> = z.strictObject({
  text: Text,
  get items() {
    return z.array(ListItem);
  },
});

export const ParagraphBlock = z.strictObject({ type: z.literal("paragraph"), text: Text });
export const ListBlock = z.strictObject({
  type: z.literal("list"),
  ordered: z.boolean(),
  items: z.array(ListItem),
});
/** An illustration the publisher captioned; `image` is null when no image was supplied. */
export const FigureBlock = z.strictObject({
  type: z.literal("figure"),
  caption: Text,
  image: z.nullable(HttpUrl),
});
export const Block = z.discriminatedUnion("type", [ParagraphBlock, ListBlock, FigureBlock]);
export type Block = z.infer<typeof Block>;

export interface Section {
  id: string;
  /** Null only for the untitled opening section (`introduction`). */
  title: string | null;
  /** Heading level as published: 2 for top-level sections, 3 and deeper for nested ones. */
  level: number;
  parentId: string | null;
  /** `sha256:` + hex digest of the section's title, blocks and subsections. */
  hash: string;
  blocks: Block[];
  sections: Section[];
}
export const Section: z.ZodMiniType<Section> = z.strictObject({
  id: Id,
  title: z.nullable(Text),
  level: z.number().check(z.int(), z.minimum(2), z.maximum(6)),
  parentId: z.nullable(Id),
  hash: z.string(),
  blocks: z.array(Block),
  get sections() {
    return z.array(Section);
  },
});

export const FaqEntry = z.strictObject({
  id: Id,
  question: Text,
  answer: z.array(Block),
  hash: z.string(),
});
export type FaqEntry = z.infer<typeof FaqEntry>;

/** A section as lists and feeds give it: where it is and its content hash, without its text. */
export const SectionSummary = z.strictObject({
  id: Id,
  title: z.nullable(Text),
  parentId: z.nullable(Id),
  hash: z.string(),
});
export type SectionSummary = z.infer<typeof SectionSummary>;
