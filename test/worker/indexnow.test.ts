/** The IndexNow key file: the configured key at /{key}.txt, and nothing at any other name. */
import { describe, expect, it } from "vitest";
import { call, getProblem } from "../support/worker";

// As vitest.config.ts configures it for the tests (wrangler.toml leaves it empty).
const KEY = "test-indexnow-key-0123";

describe("GET /{key}.txt", () => {
  it("serves the configured IndexNow key as text, cacheable like any response", async () => {
    const response = await call(`/${KEY}.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(KEY);
    expect(response.headers.get("ETag")).not.toBeNull();
  });

  it.each(["/another-key-0123.txt", "/TEST-INDEXNOW-KEY-0123.txt", `/${KEY}.txt.txt`])(
    "answers %s with 404",
    async (path) => {
      await getProblem(path, 404);
    },
  );
});
