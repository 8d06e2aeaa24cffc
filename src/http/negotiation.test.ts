/**
 * Unit tests of proactive negotiation (RFC 9110 §12.5.1), beside the module:
 * the rules one request through the Worker shows only a few of.
 */
import { describe, expect, it } from "vitest";
import { chooseMedia, negotiate } from "./negotiation";
import { ProblemError } from "./problem";

const JSON_FIRST = ["application/json", "application/ld+json", "text/markdown"] as const;

describe("negotiate", () => {
  it("serves the first offer when the client states no preference", () => {
    expect(negotiate(undefined, JSON_FIRST)).toBe("application/json");
    expect(negotiate("", JSON_FIRST)).toBe("application/json");
    expect(negotiate("   ", JSON_FIRST)).toBe("application/json");
    // Nothing readable as a media range is no preference either.
    expect(negotiate(";;;", JSON_FIRST)).toBe("application/json");
    expect(negotiate(",,,", JSON_FIRST)).toBe("application/json");
    expect(negotiate("json", JSON_FIRST)).toBe("application/json");
  });

  it("serves the offer with the highest quality", () => {
    expect(negotiate("application/json;q=0.5, text/markdown", JSON_FIRST)).toBe("text/markdown");
    expect(negotiate("application/ld+json", JSON_FIRST)).toBe("application/ld+json");
    expect(negotiate("text/markdown;q=0.9, application/ld+json;q=0.8", JSON_FIRST)).toBe("text/markdown");
  });

  it("breaks a tie in favour of the earlier offer, not the earlier range", () => {
    expect(negotiate("text/markdown, application/ld+json", JSON_FIRST)).toBe("application/ld+json");
    expect(negotiate("*/*", JSON_FIRST)).toBe("application/json");
    expect(negotiate("*/*", ["text/html", "application/json"])).toBe("text/html");
  });

  it("lets the most specific matching range set an offer's quality", () => {
    // text/markdown;q=0 is more specific than */*: markdown is refused, the others accepted.
    expect(negotiate("text/markdown;q=0, */*;q=0.1", ["text/markdown", "application/json"])).toBe("application/json");
    // text/* is more specific than */*, so text/markdown gets 0.2, below application/json's 0.5.
    expect(negotiate("text/*;q=0.2, */*;q=0.5", ["text/markdown", "application/json"])).toBe("application/json");
    expect(negotiate("text/*, */*;q=0.5", ["application/json", "text/markdown"])).toBe("text/markdown");
  });

  it("reads types, subtypes and the q parameter without regard to case or spaces", () => {
    expect(negotiate("APPLICATION/LD+JSON", JSON_FIRST)).toBe("application/ld+json");
    expect(negotiate(" text/markdown ; Q = 1 , application/json ; q = 0.1 ", JSON_FIRST)).toBe("text/markdown");
  });

  it("clamps q above 1 and reads an unreadable q as refusal", () => {
    // Clamped to 1, text/markdown ties with application/json, which is offered first.
    expect(negotiate("text/markdown;q=5, application/json", JSON_FIRST)).toBe("application/json");
    expect(negotiate("application/json;q=nope", JSON_FIRST)).toBeUndefined();
    expect(negotiate("application/json;q=-1, text/markdown;q=0.1", JSON_FIRST)).toBe("text/markdown");
  });

  it("finds nothing acceptable when every match has q=0 or nothing matches", () => {
    expect(negotiate("image/png", JSON_FIRST)).toBeUndefined();
    expect(negotiate("application/json;q=0", ["application/json"])).toBeUndefined();
    expect(negotiate("*/*;q=0", JSON_FIRST)).toBeUndefined();
    expect(negotiate("application/*", ["text/html"])).toBeUndefined();
  });
});

describe("chooseMedia", () => {
  it("returns the negotiated offer", () => {
    expect(chooseMedia("text/markdown", JSON_FIRST)).toBe("text/markdown");
    expect(chooseMedia(undefined, JSON_FIRST)).toBe("application/json");
  });

  it("throws a 406 problem that lists every offer when none is acceptable", () => {
    let thrown: unknown;
    try {
      chooseMedia("image/png", JSON_FIRST);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    const { problem } = thrown as ProblemError;
    expect(problem.status).toBe(406);
    expect(problem.type).toBe("/problems/not-acceptable");
    expect(problem.detail).toBe(
      "This resource can be served as: application/json, application/ld+json, text/markdown.",
    );
  });
});
