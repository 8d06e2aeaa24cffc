/** Markdown-safe text, for every place that writes Markdown: the article as Markdown, CDS Hooks cards. */

/** Backslash-escapes the ASCII punctuation that Markdown could read as syntax. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]<>|~&]/g, "\\$&")
      // Line-start markers: headings, quotes, list bullets and ordered-list numbers.
      .replace(/^([#>+-])/, "\\$1")
      .replace(/^(\d+)([.)])/, "$1\\$2")
  );
}
