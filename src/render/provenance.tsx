/** What must travel with the article wherever it is shown: urgent advice, disclaimer, attribution and licence. */
import type { FC } from "hono/jsx";
import { NO_LICENCE } from "../api/resources";
import type { Attribution, UrgentCareAdvice } from "../api/schemas";
import type { CompiledArticle } from "../content/model";
import { Blocks } from "./blocks";
import { URGENT_ADVICE_HEADING, urgentAdviceBlocks } from "./urgent-advice";

/** The urgent advice box (see urgentAdviceBoxes): a small marked box, or nothing when there is no advice. */
export const UrgentAdvice: FC<{ advice: UrgentCareAdvice[] }> = ({ advice }) =>
  advice.length > 0 ? (
    <aside class="urgent-advice" aria-label={URGENT_ADVICE_HEADING}>
      <h2>{URGENT_ADVICE_HEADING}</h2>
      {advice.map((item) => (
        <Blocks blocks={urgentAdviceBlocks(item)} />
      ))}
    </aside>
  ) : null;

export const Disclaimer: FC<{ lines: string[] }> = ({ lines }) => (
  <aside class="disclaimer" aria-label="Disclaimer">
    {lines.map((line) => (
      <p>{line}</p>
    ))}
  </aside>
);

/** The licence, or a plain statement that the publisher gave none (never an assumed one). */
export const LicenceLine: FC<{ licence: CompiledArticle["licence"]; target?: string }> = ({ licence, target }) =>
  licence ? (
    <span>
      Licence:{" "}
      {licence.url ? (
        <a href={licence.url} rel="license" target={target}>
          {licence.name}
        </a>
      ) : (
        licence.name
      )}
    </span>
  ) : (
    <span>Licence: {NO_LICENCE}</span>
  );

/** The credit line with a link back to the article page; `target` opens it outside an iframe. */
export const AttributionLine: FC<{ attribution: Attribution; target?: string }> = ({ attribution, target }) => (
  <span>
    {attribution.text}{" "}
    <a href={attribution.url} target={target} rel="noopener">
      Read the full article
    </a>
    {attribution.sourceUrl ? (
      <>
        {" "}
        ·{" "}
        <a href={attribution.sourceUrl} target={target} rel="noopener">
          Publisher’s original
        </a>
      </>
    ) : null}
  </span>
);
