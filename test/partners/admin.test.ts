/**
 * The admin API (src/routes/admin.ts): only with the admin token, every bad
 * request a clear problem, the secret shown once, and a subscription's status
 * and deliveries for its owner to see.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../support/worker";
import { admin, resetPartners, subscribe } from "./partners";

beforeAll(resetPartners);
// Subscriptions made here must not be told of the changes test/partners/webhooks.test.ts makes.
afterAll(resetPartners);

describe("the admin API", () => {
  it.each([
    ["no token", {}],
    ["another token", { Authorization: "Bearer not-the-token" }],
    ["the token in another scheme", { Authorization: `Basic ${env.ADMIN_TOKEN}` }],
  ])("answers %s with 401 and how to authenticate, before reading anything", async (_, headers) => {
    for (const [path, method] of [
      ["/v1/admin/subscriptions", "GET"],
      ["/v1/admin/subscriptions", "POST"],
      ["/v1/admin/subscriptions/sub_x", "DELETE"],
    ] as const) {
      const response = await call(path, { method, headers });
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(response.headers.get("WWW-Authenticate")).toBe('Bearer realm="admin"');
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect((await response.json<{ type: string }>()).type).toBe("/problems/unauthorized");
    }
  });

  it.each([
    ["http, not https", { url: "http://partner.example.org/events" }, "url"],
    ["an IP address", { url: "https://192.0.2.7/events" }, "url"],
    ["localhost", { url: "https://localhost/events" }, "url"],
    ["credentials in the URL", { url: "https://user:pass@partner.example.org/events" }, "url"],
    ["an unknown event type", { url: "https://partner.example.org/e", events: ["article.deleted"] }, "events.0"],
    ["no event type", { url: "https://partner.example.org/e", events: [] }, "events"],
    ["a slug that is not one", { url: "https://partner.example.org/e", articles: ["Leg Cramps"] }, "articles.0"],
    ["an unknown field", { url: "https://partner.example.org/e", secret: "mine" }, ""],
  ])("refuses a subscription to %s with a 400 naming the field", async (_, body, field) => {
    const response = await admin("/v1/admin/subscriptions", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    const problem = await response.json<{ errors: { in: string; name: string }[] }>();
    expect(problem.errors).toContainEqual(expect.objectContaining({ in: "body", name: field }));
  });

  it("shows the secret once, when the subscription is made, and its status after", async () => {
    const response = await admin("/v1/admin/subscriptions", {
      method: "POST",
      body: JSON.stringify({ url: "https://partner.example.org/events/ok" }),
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(201);
    const created = await response.json<{ id: string; secret: string; events: string[]; articles: null }>();
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.events).toEqual(["article.published", "article.updated", "article.withdrawn"]);
    expect(created.articles).toBeNull();
    expect(response.headers.get("Location")).toMatch(new RegExp(`/v1/admin/subscriptions/${created.id}$`));

    const listed = await admin("/v1/admin/subscriptions");
    expect(listed.headers.get("Cache-Control")).toBe("no-store");
    const text = await listed.text();
    expect(text).toContain(created.id);
    expect(text).not.toContain(created.secret);
    const status = await (await admin(`/v1/admin/subscriptions/${created.id}`)).json<Record<string, unknown>>();
    expect(status).toMatchObject({ id: created.id, status: "active", deliveries: [], disabledReason: null });
    expect(JSON.stringify(status)).not.toContain(created.secret);
  });

  it("gives each subscription a secret of its own", async () => {
    const [first, second] = [await subscribe("/ok"), await subscribe("/ok")];
    expect(first.secret).not.toBe(second.secret);
    expect(first.id).not.toBe(second.id);
  });

  it("deletes a subscription once: then it is not found", async () => {
    const { id } = await subscribe("/ok");
    expect((await admin(`/v1/admin/subscriptions/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await admin(`/v1/admin/subscriptions/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await admin(`/v1/admin/subscriptions/${id}`)).status).toBe(404);
  });

  it("resumes a disabled subscription, its count of failures started again", async () => {
    const { id } = await subscribe("/ok");
    await env.PARTNERS.prepare(
      "UPDATE subscriptions SET disabled_at = '2026-12-01T00:00:00.000Z', disabled_reason = 'x', failed_deliveries = 3 WHERE id = ?",
    )
      .bind(id)
      .run();
    const resumed = await admin(`/v1/admin/subscriptions/${id}/enable`, { method: "POST" });
    expect(await resumed.json()).toMatchObject({
      status: "active",
      disabledAt: null,
      disabledReason: null,
      failedDeliveries: 0,
    });
  });
});
