/**
 * The kinds of text and identifiers every part of the content model is built
 * from: plain text, the publisher's words, the service's labels, ids, dates
 * and URLs.
 */
import * as z from "zod/mini";
import { SLUG } from "../slug";

/** Plain Unicode text, trimmed, never empty. Never HTML: renderers escape it. */
export const Text = z.string().check(z.trim(), z.minLength(1, "text must not be empty"));

/**
 * The publisher's words in the structured facts: one or more whole sentences
 * or list items of the named section, verbatim (the compiler checks both).
 */
export const PublisherText = Text.check(
  z.meta({
    description: "The publisher's words: one or more whole sentences or list items of the article, verbatim.",
    "x-wording": "publisher",
  }),
);

/** A short name or value this service writes for a fact; never shown as the publisher's sentence. */
export const Label = Text.check(
  z.meta({
    description: "A short label written by this service, not the publisher's words.",
    "x-wording": "label",
  }),
);

/** A stable, URL-safe identifier: lowercase words joined by hyphens. */
export const Id = z.string().check(z.regex(SLUG, "must be lowercase letters, digits and single hyphens"));

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date("must be a date written YYYY-MM-DD");

/**
 * An http(s) URL, stored in its WHATWG serialisation: quotes, angle brackets
 * and spaces are percent-encoded, so a URL can never break out of an
 * attribute, an autolink or a Markdown link wherever it is written.
 */
export const HttpUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .check(z.overwrite((value) => new URL(value).href));
