/**
 * The crawlable article page: semantic HTML with the JSON-LD graph, canonical
 * and alternate links, meta description, Open Graph and Twitter card tags,
 * and oEmbed discovery. Rendered once per isolate and stored.
 */
import { raw } from "hono/html";
import type { FC } from "hono/jsx";
import type { Graph } from "schema-dts";
import { ASSET_PATHS, SOCIAL_CARD_SIZE } from "../api/asset-paths";
import { attribution, SERVICE_NAME, urgentCareAdvice } from "../api/resources";
import { urls } from "../api/urls";
import { type CompiledArticle, type CompiledEntry, type Person, urgentCareAdviceOf } from "../content/model";
import { jsonLdForHtml } from "../schemaorg/article-graph";
import { ARTICLES_INDEX_NAME } from "../schemaorg/web-page";
import { SectionView } from "./blocks";
import { type RenderedPage, renderDocument } from "./document";
import { AttributionLine, Disclaimer, LicenceLine, UrgentAdvice } from "./provenance";
import { urgentAdviceBoxes } from "./urgent-advice";

/** `og:locale` wants `en_GB` where HTML wants `en-GB`. */
const ogLocale = (language: string) => language.replace("-", "_");

export async function renderArticlePage(entry: CompiledEntry, graph: Graph, base: string): Promise<RenderedPage> {
  const { article } = entry;
  const urgent = urgentCareAdvice(article.slug, urgentCareAdviceOf(entry.facts), base);
  const { opening } = urgentAdviceBoxes(urgent, article.sections, true);
  return renderDocument({
    language: article.language,
    title: article.title,
    description: article.description,
    canonicalUrl: urls.page(base, article.slug),
    base,
    head: <ArticleHead article={article} graph={graph} base={base} />,
    body: (
      <>
        <header class="site">
          <nav aria-label="Breadcrumb">
            <ol>
              <li>
                <a href={urls.pages(base)}>{ARTICLES_INDEX_NAME}</a>
              </li>
              <li aria-current="page">{article.title}</li>
            </ol>
          </nav>
        </header>
        <main>
          <article>
            <h1>{article.title}</h1>
            <p class="byline">{article.attribution}</p>
            <UrgentAdvice advice={opening} />
            {article.sections.map((section) => (
              <SectionView section={section} />
            ))}
            <Disclaimer lines={article.disclaimer} />
            <AboutArticle article={article} base={base} />
          </article>
        </main>
      </>
    ),
  });
}

/** Alternates, oEmbed discovery, Open Graph and Twitter tags with the social card, and the JSON-LD. */
const ArticleHead: FC<{ article: CompiledArticle; graph: Graph; base: string }> = ({ article, graph, base }) => {
  const pageUrl = urls.page(base, article.slug);
  const oembed = `${base}/oembed?format=json&url=${encodeURIComponent(pageUrl)}`;
  // The card shows only this text (scripts/social/images.ts): its alt text says the same.
  const card = `${base}${ASSET_PATHS.socialCard(article.slug)}`;
  const cardAlt = `${article.title}. ${article.attribution}`;
  return (
    <>
      <link rel="alternate" hreflang={article.language} href={pageUrl} />
      <link rel="alternate" hreflang="x-default" href={pageUrl} />
      <link rel="alternate" type="application/json" href={urls.article(base, article.slug)} />
      <link rel="alternate" type="application/ld+json" href={urls.jsonld(base, article.slug)} />
      <link rel="alternate" type="application/json+oembed" href={oembed} title={article.title} />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={article.title} />
      <meta property="og:description" content={article.description} />
      <meta property="og:url" content={pageUrl} />
      <meta property="og:locale" content={ogLocale(article.language)} />
      {/* The site is this service, which serves the page; the publisher is credited on the page and in the JSON-LD. */}
      <meta property="og:site_name" content={SERVICE_NAME} />
      <meta property="og:image" content={card} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(SOCIAL_CARD_SIZE.width)} />
      <meta property="og:image:height" content={String(SOCIAL_CARD_SIZE.height)} />
      <meta property="og:image:alt" content={cardAlt} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={article.title} />
      <meta name="twitter:description" content={article.description} />
      <meta name="twitter:image" content={card} />
      <meta name="twitter:image:alt" content={cardAlt} />
      <script type="application/ld+json">{raw(jsonLdForHtml(graph))}</script>
    </>
  );
};

/** The credits: attribution, licence, the dates the publisher gave (only those), authors and editors. */
const AboutArticle: FC<{ article: CompiledArticle; base: string }> = ({ article, base }) => {
  const { dates } = article;
  const labelled: [string, string | null][] = [
    ["Published", dates.published],
    ["Updated", dates.modified],
    ["Reviewed", dates.reviewed],
    ["Next review", dates.nextReview],
  ];
  const datesGiven = labelled.flatMap(([label, date]) => (date === null ? [] : [[label, date] as const]));
  return (
    <footer class="about">
      <h2>About this article</h2>
      <p>
        <AttributionLine attribution={attribution(article, base)} />
      </p>
      <p>
        <LicenceLine licence={article.licence} />
      </p>
      {datesGiven.length > 0 ? (
        <dl>
          {datesGiven.map(([label, date]) => (
            <>
              <dt>{label}</dt>
              <dd>
                <time datetime={date}>{date}</time>
              </dd>
            </>
          ))}
        </dl>
      ) : null}
      {article.authors.map((author) => (
        <Credit heading={author.name} about={author.about} />
      ))}
      {article.editorsNote ? <p>{article.editorsNote}</p> : null}
      {article.editors.map((editor) => (
        <Credit heading={editorHeading(editor)} about={editor.about} />
      ))}
    </footer>
  );
};

/** "Alfie Jones, Director — Cahoot Care Marketing", as the credits give it. */
function editorHeading(editor: Person): string {
  return `${editor.name}${editor.jobTitle ? `, ${editor.jobTitle}` : ""}${editor.worksFor ? ` — ${editor.worksFor}` : ""}`;
}

const Credit: FC<{ heading: string; about: string[] | undefined }> = ({ heading, about }) => (
  <section>
    <h3>{heading}</h3>
    {(about ?? []).map((paragraph) => (
      <p>{paragraph}</p>
    ))}
  </section>
);
