/** The article.withdrawn event (src/partners/changes.ts): the publisher's withdrawal, or an article simply gone. */
import { describe, expect, it } from "vitest";
import { withdrawnEvent } from "../../src/partners/changes";
import { ArticleWithdrawn } from "../../src/partners/events";

const AT = "2026-12-06T10:00:00.000Z";

describe("article.withdrawn", () => {
  it("carries the publisher's date, reason and replacement, as the index holds them", () => {
    const withdrawal = {
      slug: "night-cramps",
      title: "Night cramps",
      withdrawnAt: "2026-11-30",
      reason: "Merged.",
      replacedBy: "leg-cramps",
    };
    const event = ArticleWithdrawn.parse(withdrawnEvent("night-cramps", withdrawal, "https://health.example", AT));
    expect(event).toEqual({
      type: "article.withdrawn",
      timestamp: AT,
      data: {
        slug: "night-cramps",
        withdrawnAt: "2026-11-30",
        reason: "Merged.",
        replacedBy: "https://health.example/v1/articles/leg-cramps",
      },
    });
  });

  it("dates an article gone from the library without a withdrawal by the day it was found gone, with no reason", () => {
    const event = withdrawnEvent("gone", undefined, "https://health.example", AT);
    expect(event.data).toEqual({ slug: "gone", withdrawnAt: "2026-12-06", reason: null, replacedBy: null });
  });
});
