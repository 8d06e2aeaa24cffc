/**
 * Before each test file of a project with the search index: SEARCH_SCRATCH
 * emptied, every table dropped, as a fresh Miniflare gives it. The files of a
 * project share one Worker and its storage (vitest.config.ts, `isolate`), and
 * a file that seeds the scratch database (search.test.ts) must not decide
 * whether one that needs it without tables (faults.test.ts) passes.
 */
import { env } from "cloudflare:workers";

interface Table {
  name: string;
  sql: string | null;
}

// SQLite's own tables and D1's (_cf_...) are not the tests' to drop.
const { results } = await env.SEARCH_SCRATCH.prepare(
  "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' AND name NOT LIKE '!_cf!_%' ESCAPE '!'",
).all<Table>();
// A virtual table first: dropping it drops its shadow tables, which are listed too.
const virtualFirst = [...results].sort((a, b) => Number(isVirtual(b)) - Number(isVirtual(a)));
for (const { name } of virtualFirst) {
  await env.SEARCH_SCRATCH.prepare(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`).run();
}

function isVirtual(table: Table): boolean {
  return /^CREATE VIRTUAL TABLE/i.test(table.sql ?? "");
}
