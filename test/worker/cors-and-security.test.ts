import { describe, expect, it } from "vitest";
import { CONTENT_PATHS, CONTENT_ROUTES } from "../support/routes";
import { call } from "../support/worker";

const PARTNER = "https://pharmacy.example";

describe("CORS", () => {
  it.each(CONTENT_PATHS)("lets any origin read %s and exposes the caching headers", async (path) => {
    const response = await call(path, { headers: { Origin: PARTNER } });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const exposed = (response.headers.get("Access-Control-Expose-Headers") ?? "").split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(["ETag", "Last-Modified", "Link"]));
  });

  it("answers a preflight with 204, the allowed methods and headers, and a max-age", async () => {
    const response = await call(CONTENT_ROUTES.article, {
      method: "OPTIONS",
      headers: {
        Origin: PARTNER,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "If-None-Match",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    // The route's own methods: POST only where a route takes it (the CDS Hooks services).
    expect(response.headers.get("Access-Control-Allow-Methods")).toBe("GET,HEAD,OPTIONS");
    expect(response.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("if-none-match");
    expect(response.headers.get("Access-Control-Max-Age")).toBe("86400");
  });

  it("advertises POST in a preflight only where a route takes it", async () => {
    const preflight = (path: string) =>
      call(path, { method: "OPTIONS", headers: { Origin: PARTNER, "Access-Control-Request-Method": "POST" } });
    const service = await preflight("/cds-services/patient-education");
    expect(service.headers.get("Access-Control-Allow-Methods")).toBe("POST,OPTIONS");
    expect(service.headers.get("Allow")).toBe("POST, OPTIONS");
    expect((await preflight("/v1/articles")).headers.get("Access-Control-Allow-Methods")).not.toContain("POST");
  });

  it("lets a client send Cache-Control (a no-cache refresh) across origins", async () => {
    const response = await call("/v1/articles", {
      method: "OPTIONS",
      headers: {
        Origin: PARTNER,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "cache-control, if-none-match",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("cache-control");
  });

  it("answers OPTIONS with the route's methods in Allow and the security headers every response has", async () => {
    for (const [path, allow] of [
      [CONTENT_ROUTES.article, "GET, HEAD, OPTIONS"],
      ["/cds-services/patient-education", "POST, OPTIONS"],
    ] as const) {
      const plain: Record<string, string> = {};
      for (const headers of [plain, { Origin: PARTNER, "Access-Control-Request-Method": "GET" }]) {
        const response = await call(path, { method: "OPTIONS", headers });
        expect(response.status, path).toBe(204);
        expect(response.headers.get("Allow"), path).toBe(allow);
        expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
        expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(response.headers.get("Strict-Transport-Security")).toContain("max-age=");
      }
    }
    const nowhere = await call("/no/such/route", { method: "OPTIONS" });
    expect(nowhere.status).toBe(404);
  });

  it("marks errors readable cross-origin too", async () => {
    const response = await call("/v1/articles/nope", { headers: { Origin: PARTNER } });
    expect(response.status).toBe(404);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("security headers", () => {
  it.each([...CONTENT_PATHS, "/no-such-route"])("are on %s", async (path) => {
    const response = await call(path);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    // No page, and nothing a page frames, may ask for a device or a payment.
    expect(response.headers.get("Permissions-Policy")).toContain("camera=()");
    expect(response.headers.get("Permissions-Policy")).toContain("geolocation=()");
    // Only the embed page may be framed.
    const frameAncestors = path.startsWith("/embed/") ? "frame-ancestors *" : "frame-ancestors 'none'";
    expect(response.headers.get("Content-Security-Policy")).toContain(frameAncestors);
  });

  it("gives JSON a CSP that allows nothing", async () => {
    const response = await call(CONTENT_ROUTES.article);
    expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("forbids framing HTML pages", async () => {
    const response = await call(CONTENT_ROUTES.page);
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });
});
