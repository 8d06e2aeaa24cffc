/**
 * `npm run content:synthetic -- --count N [--out DIR] [--seed TEXT]`: writes
 * a library of N synthetic articles (scripts/content/synthetic/) for
 * measuring the build, storage and search at scale, into a scratch folder
 * outside content/ (default `.tmp/synthetic`, git-ignored). Compile it with
 * `npm run build:content -- --content DIR`.
 */
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeSyntheticLibrary } from "./synthetic/library";

const { values } = parseArgs({
  options: {
    count: { type: "string" },
    out: { type: "string", default: ".tmp/synthetic" },
    seed: { type: "string", default: "synthetic" },
    help: { type: "boolean", short: "h", default: false },
  },
});
const USAGE = "Usage: npm run content:synthetic -- --count N [--out DIR] [--seed TEXT]";
const count = Number(values.count);
if (values.help) {
  console.log(USAGE);
} else if (!Number.isInteger(count) || count < 1) {
  console.error(USAGE);
  process.exitCode = 2;
} else {
  const started = performance.now();
  const result = writeSyntheticLibrary({ count, out: values.out, seed: values.seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `synthetic: ${count} article(s) in ${relative(process.cwd(), resolve(values.out)) || "."} ` +
      `(${result.written} file(s) written, ${result.removed} old article(s) removed, ${seconds} s)`,
  );
}
