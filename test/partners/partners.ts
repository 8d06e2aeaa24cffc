/** What the partners tests share: the admin API called as an operator, the cron run, and the partner's log. */
import {
  applyD1Migrations,
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import worker from "../../src/index";
import { call } from "../support/worker";

/** The admin token vitest.config.ts configures. */
const ADMIN = { Authorization: `Bearer ${env.ADMIN_TOKEN}` };

export interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Created {
  id: string;
  secret: string;
  status: string;
}

/** Subscribes a partner's endpoint; `path` says how the test partner answers (test/partners/receiver.js). */
export async function subscribe(path: string, body: Record<string, unknown> = {}): Promise<Created> {
  const response = await admin("/v1/admin/subscriptions", {
    method: "POST",
    body: JSON.stringify({ url: `https://partner.example.org${path}`, ...body }),
    headers: { "Content-Type": "application/json" },
  });
  if (response.status !== 201) throw new Error(`subscribe: ${response.status} ${await response.text()}`);
  return response.json<Created>();
}

/** A request to the admin API with the admin token. */
export function admin(path: string, init: RequestInit = {}): Promise<Response> {
  return call(path, { ...init, headers: { ...ADMIN, ...(init.headers as Record<string, string>) } });
}

/** Runs the Cron Trigger's handler once, as Cloudflare would, and waits for what it started. */
export async function runCron(): Promise<void> {
  const context = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }), env, context);
  await waitOnExecutionContext(context);
}

/** What the test partner has received so far. */
export async function received(): Promise<Received[]> {
  return (await env.PARTNER.fetch("https://partner.example.org/log")).json<Received[]>();
}

export async function forgetReceived(): Promise<void> {
  await env.PARTNER.fetch("https://partner.example.org/log", { method: "DELETE" });
}

/**
 * The partners' database as a fresh deploy has it, and the partner's log
 * empty: the test files of a project share one Worker and its storage.
 */
export async function resetPartners(): Promise<void> {
  await applyD1Migrations(env.PARTNERS, env.TEST_PARTNERS_MIGRATIONS);
  const tables = ["deliveries", "events", "subscriptions", "announced_articles", "announced_library"];
  await env.PARTNERS.batch(tables.map((table) => env.PARTNERS.prepare(`DELETE FROM ${table}`)));
  await forgetReceived();
}

/** The library as a previous deploy announced it, so the next run finds `change` made since. */
export async function previousDeploy(change: (db: D1Database) => Promise<unknown>): Promise<void> {
  await env.PARTNERS.prepare("UPDATE announced_library SET version = 'a previous deploy'").run();
  await change(env.PARTNERS);
}
