/**
 * The one module that reads compiled content. Everything else asks it for
 * articles, sections and facts by slug and id.
 */
import type { CompiledEntry, CompiledLibrary, Section } from "./model";

export interface LocatedSection {
  section: Section;
  /** Ids from the top-level section down to this one. */
  path: string[];
}

export class ContentLibrary {
  readonly entries: readonly CompiledEntry[];
  /** The newest content revision across all articles. */
  readonly updatedAt: string;
  private readonly bySlug: Map<string, CompiledEntry>;
  private readonly sectionsBySlug: Map<string, Map<string, LocatedSection>>;

  constructor(compiled: CompiledLibrary) {
    // Newest first; ties broken by slug so the order is stable.
    this.entries = [...compiled.entries].sort(
      (a, b) => b.article.updatedAt.localeCompare(a.article.updatedAt) || a.article.slug.localeCompare(b.article.slug),
    );
    this.updatedAt = this.entries[0]?.article.updatedAt ?? new Date(0).toISOString();
    this.bySlug = new Map(this.entries.map((entry) => [entry.article.slug, entry]));
    this.sectionsBySlug = new Map(
      this.entries.map((entry) => [entry.article.slug, indexSections(entry.article.sections)]),
    );
  }

  entry(slug: string): CompiledEntry | undefined {
    return this.bySlug.get(slug);
  }

  section(slug: string, id: string): LocatedSection | undefined {
    return this.sectionsBySlug.get(slug)?.get(id);
  }

  /** Every section of an article in document order, at any depth. */
  sections(slug: string): LocatedSection[] {
    return [...(this.sectionsBySlug.get(slug)?.values() ?? [])];
  }
}

function indexSections(sections: Section[], ancestors: string[] = [], index = new Map<string, LocatedSection>()) {
  for (const section of sections) {
    const path = [...ancestors, section.id];
    index.set(section.id, { section, path });
    indexSections(section.sections, path, index);
  }
  return index;
}
