// Prints vitest's JSON report as one line per package, then the plain closing line CI reads:
// "N passed, N failed" (always the last line, nothing after it).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log("0 passed, 1 failed");
  process.exit(0);
}
const report = JSON.parse(readFileSync(file, "utf8"));

const packageNames = new Map();
/** The name of the package a test file belongs to: the nearest package.json above it. */
function packageOf(path) {
  let dir = dirname(path);
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  if (!packageNames.has(dir)) {
    const manifest = join(dir, "package.json");
    packageNames.set(
      dir,
      existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")).name : relative(".", path),
    );
  }
  return packageNames.get(dir);
}

const byPackage = new Map();
const skippedTests = [];
for (const result of report.testResults) {
  const name = packageOf(result.name);
  const counts = byPackage.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
  byPackage.set(name, counts);
  // A test file that fails to load has no test results of its own; count it as one failure.
  if (result.status === "failed" && result.assertionResults.length === 0) counts.failed++;
  for (const test of result.assertionResults) {
    if (test.status === "passed") counts.passed++;
    else if (test.status === "failed") counts.failed++;
    else {
      counts.skipped++;
      skippedTests.push(`${name}: ${test.fullName}`);
    }
  }
}

const width = Math.max(0, ...[...byPackage.keys()].map((name) => name.length));
for (const [name, { passed, failed, skipped }] of [...byPackage].sort(([a], [b]) => a.localeCompare(b))) {
  const extra = [failed && `${failed} failed`, skipped && `${skipped} skipped`].filter(Boolean).join(", ");
  console.log(`${failed ? "✗" : "✓"} ${name.padEnd(width)}  ${passed} passed${extra ? `, ${extra}` : ""}`);
}
for (const test of skippedTests) console.log(`  skipped: ${test}`);

const brokenFiles = report.testResults.filter(
  (r) => r.status === "failed" && r.assertionResults.length === 0,
).length;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests + brokenFiles} failed`);
