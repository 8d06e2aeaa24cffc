/**
 * `/embed/{slug}`: a small, self-contained page for an iframe. No external
 * requests; its one style and one script are allowed by CSP hashes. The
 * attribution with a link back (opening in the top window), the licence and
 * the disclaimer are always shown, whatever sections are chosen, and so is the
 * article's urgent care advice that the chosen sections do not already show.
 */
import { raw } from "hono/html";
import type { ArticleResource } from "../api/schemas";
import { SectionView } from "./blocks";
import { HeadEssentials } from "./document";
import { EMBED_HEIGHT_SCRIPT, EMBED_STYLES } from "./embed-styles";
import { inlineOnlyCsp } from "./hash";
import { AttributionLine, Disclaimer, LicenceLine, UrgentAdvice } from "./provenance";
import { urgentAdviceBoxes } from "./urgent-advice";

export type EmbedTheme = "light" | "dark";

export interface RenderedEmbed {
  html: string;
  csp: string;
}

/** The embed page of an article resource: the whole article (`whole`), or the sections it was narrowed to. */
export async function renderEmbedPage(
  article: ArticleResource,
  theme: EmbedTheme,
  whole: boolean,
): Promise<RenderedEmbed> {
  const urgent = urgentAdviceBoxes(article.urgentCareAdvice, article.sections, whole);
  const document = (
    <html lang={article.language} data-theme={theme}>
      <head>
        <HeadEssentials title={article.title} description={article.description} canonicalUrl={article.canonicalUrl} />
        <meta name="robots" content="noindex" />
        <style>{raw(EMBED_STYLES)}</style>
      </head>
      <body>
        <main>
          <article>
            <h1>
              <a href={article.canonicalUrl} target="_top">
                {article.title}
              </a>
            </h1>
            <UrgentAdvice advice={urgent.opening} />
            {article.sections.map((section) => (
              // Each shown section starts at <h2> under the title, whatever its depth in the article.
              <SectionView section={section} shift={section.level - 2} />
            ))}
            <UrgentAdvice advice={urgent.closing} />
            <Disclaimer lines={article.disclaimer} />
            <footer class="attribution">
              <p>
                <AttributionLine attribution={article.attribution} target="_top" />
              </p>
              <p>
                <LicenceLine licence={article.licence} target="_top" />
              </p>
            </footer>
          </article>
        </main>
        <script>{raw(EMBED_HEIGHT_SCRIPT)}</script>
      </body>
    </html>
  );
  return {
    html: `<!doctype html>${await document}`,
    // Any partner may frame this page, and only this page.
    csp: await inlineOnlyCsp({ style: EMBED_STYLES, script: EMBED_HEIGHT_SCRIPT, frameAncestors: "*" }),
  };
}
