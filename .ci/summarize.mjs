// Reads the vitest JSON reports in a folder and prints "N passed, N failed".
// A suite whose command failed without a report (lint, type check, install)
// counts as one failure, so a red run can never print "0 failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2] ?? ".ci/reports";
let passed = 0;
let failed = 0;
for (const statusFile of readdirSync(folder).filter((name) => name.endsWith(".status"))) {
  const suite = statusFile.replace(/\.status$/, "");
  const status = Number(readFileSync(join(folder, statusFile), "utf8").trim());
  const reportFile = join(folder, `${suite}.json`);
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, "utf8")) : undefined;
  const suitePassed = report?.numPassedTests ?? 0;
  let suiteFailed = report?.numFailedTests ?? 0;
  if (status !== 0 && suiteFailed === 0) suiteFailed = 1;
  console.log(`${suite}: ${suitePassed} passed, ${suiteFailed} failed (exit ${status})`);
  passed += suitePassed;
  failed += suiteFailed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
