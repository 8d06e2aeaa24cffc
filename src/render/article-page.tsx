/**
 * The crawlable article page: semantic HTML with the JSON-LD graph, canonical
 * and alternate links, meta description, Open Graph and Twitter card tags,
 * and oEmbed discovery. Rendered once per isolate and stored.
 */
import { raw } from "hono/html";
import type { Graph } from "schema-dts";
import { ASSET_PATHS, SOCIAL_CARD_SIZE } from "../api/asset-paths";
import { attribution } from "../api/resources";
import { urls } from "../api/urls";
import type { CompiledEntry } from "../content/model";
import { jsonLdForHtml } from "../schemaorg/article-graph";
import { ARTICLES_INDEX_NAME } from "../schemaorg/web-page";
import { SectionView } from "./blocks";
import { type RenderedPage, renderDocument } from "./document";
import { AttributionLine, Disclaimer, LicenceLine } from "./provenance";

/** `og:locale` wants `en_GB` where HTML wants `en-GB`. */
const ogLocale = (language: string) => language.replace("-", "_");

export async function renderArticlePage({ article }: CompiledEntry, graph: Graph, base: string): Promise<RenderedPage> {
  const pageUrl = urls.page(base, article.slug);
  const credit = attribution(article, base);
  const oembed = `${base}/oembed?format=json&url=${encodeURIComponent(pageUrl)}`;
  // The card shows only this text (scripts/social/images.ts): its alt text says the same.
  const card = `${base}${ASSET_PATHS.socialCard(article.slug)}`;
  const cardAlt = `${article.title}. ${article.attribution}`;
  const { dates } = article;
  // Only the dates the publisher gave.
  const datesGiven: [string, string][] = [];
  for (const [label, date] of [
    ["Published", dates.published],
    ["Updated", dates.modified],
    ["Reviewed", dates.reviewed],
    ["Next review", dates.nextReview],
  ] as const) {
    if (date !== null) datesGiven.push([label, date]);
  }

  return renderDocument({
    language: article.language,
    title: article.title,
    description: article.description,
    canonicalUrl: pageUrl,
    base,
    head: (
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
        <meta property="og:site_name" content={article.publisher.name} />
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
    ),
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
            {article.sections.map((section) => (
              <SectionView section={section} />
            ))}
            <Disclaimer lines={article.disclaimer} />
            <footer class="about">
              <h2>About this article</h2>
              <p>
                <AttributionLine attribution={credit} />
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
                <section>
                  <h3>{author.name}</h3>
                  {(author.about ?? []).map((paragraph) => (
                    <p>{paragraph}</p>
                  ))}
                </section>
              ))}
              {article.editorsNote ? <p>{article.editorsNote}</p> : null}
              {article.editors.map((editor) => (
                <section>
                  <h3>
                    {editor.name}
                    {editor.jobTitle ? `, ${editor.jobTitle}` : ""}
                    {editor.worksFor ? ` — ${editor.worksFor}` : ""}
                  </h3>
                  {(editor.about ?? []).map((paragraph) => (
                    <p>{paragraph}</p>
                  ))}
                </section>
              ))}
            </footer>
          </article>
        </main>
      </>
    ),
  });
}
