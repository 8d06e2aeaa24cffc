/**
 * Unit tests of conditional GET (RFC 9110 §13.1.2, §13.1.3, §13.2.2), beside
 * the module: which validators make a 304.
 */
import { describe, expect, it } from "vitest";
import { type Conditions, isNotModified, readConditions } from "./conditional";

const MODIFIED = Date.parse("Tue, 06 Jan 2026 09:00:00 GMT");
const stored = { etag: '"abc123"', lastModifiedTime: MODIFIED };
const when = (conditions: Partial<Conditions>): Conditions => ({
  ifNoneMatch: null,
  ifModifiedSince: null,
  ...conditions,
});

describe("readConditions", () => {
  it("reads If-None-Match and If-Modified-Since, null when absent", () => {
    expect(readConditions(new Headers())).toEqual({ ifNoneMatch: null, ifModifiedSince: null });
    const headers = new Headers({ "if-none-match": '"x"', "If-Modified-Since": "Tue, 06 Jan 2026 09:00:00 GMT" });
    expect(readConditions(headers)).toEqual({ ifNoneMatch: '"x"', ifModifiedSince: "Tue, 06 Jan 2026 09:00:00 GMT" });
  });
});

describe("isNotModified", () => {
  it("is false without conditional headers", () => {
    expect(isNotModified(when({}), stored)).toBe(false);
  });

  it("matches If-None-Match by weak comparison, in a list, or as *", () => {
    expect(isNotModified(when({ ifNoneMatch: '"abc123"' }), stored)).toBe(true);
    expect(isNotModified(when({ ifNoneMatch: 'W/"abc123"' }), stored)).toBe(true);
    expect(isNotModified(when({ ifNoneMatch: '"old", W/"abc123" ,"older"' }), stored)).toBe(true);
    expect(isNotModified(when({ ifNoneMatch: " * " }), stored)).toBe(true);
    expect(isNotModified(when({ ifNoneMatch: 'W/"abc123"' }), { ...stored, etag: 'W/"abc123"' })).toBe(true);
  });

  it("does not match another tag, part of the tag, or the tag without its quotes", () => {
    expect(isNotModified(when({ ifNoneMatch: '"abc124"' }), stored)).toBe(false);
    expect(isNotModified(when({ ifNoneMatch: '"abc12"' }), stored)).toBe(false);
    expect(isNotModified(when({ ifNoneMatch: '"abc123' }), stored)).toBe(false);
    expect(isNotModified(when({ ifNoneMatch: "abc123" }), stored)).toBe(false);
    expect(isNotModified(when({ ifNoneMatch: "" }), stored)).toBe(false);
  });

  it("ignores If-Modified-Since when If-None-Match is present", () => {
    const later = new Date(MODIFIED + 86_400_000).toUTCString();
    expect(isNotModified(when({ ifNoneMatch: '"other"', ifModifiedSince: later }), stored)).toBe(false);
    const earlier = new Date(MODIFIED - 86_400_000).toUTCString();
    expect(isNotModified(when({ ifNoneMatch: '"abc123"', ifModifiedSince: earlier }), stored)).toBe(true);
  });

  it("is not modified since the modification time or later, and modified since any earlier time", () => {
    expect(isNotModified(when({ ifModifiedSince: "Tue, 06 Jan 2026 09:00:00 GMT" }), stored)).toBe(true);
    expect(isNotModified(when({ ifModifiedSince: "Wed, 07 Jan 2026 00:00:00 GMT" }), stored)).toBe(true);
    expect(isNotModified(when({ ifModifiedSince: "Tue, 06 Jan 2026 08:59:59 GMT" }), stored)).toBe(false);
  });

  it("ignores an If-Modified-Since it cannot read", () => {
    expect(isNotModified(when({ ifModifiedSince: "yesterday" }), stored)).toBe(false);
    expect(isNotModified(when({ ifModifiedSince: "" }), stored)).toBe(false);
  });
});
