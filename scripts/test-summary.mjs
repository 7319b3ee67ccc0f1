// Prints one closing line for the whole test run, from the JSON reports of vitest and
// Playwright (out/test-reports/unit.json, out/test-reports/e2e.json): "tests: N passed, N failed, N skipped".
import fs from 'node:fs';

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const unit = read('out/test-reports/unit.json');
const e2e = read('out/test-reports/e2e.json');
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
const skipped = (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);
if (!unit || !e2e) console.log(`(missing report: ${!unit ? 'unit' : ''} ${!e2e ? 'e2e' : ''})`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 || !unit || !e2e ? 1 : 0;
