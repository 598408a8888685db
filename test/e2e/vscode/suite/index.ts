// Entry point the VS Code extension host loads as `extensionTestsPath`. It runs the mocha suite inside the
// real extension host and writes the outcome to AB_E2E_RESULTS, because the host's exit code does not
// reach the launcher (test/e2e/vscode/launch.ts) when VS Code runs as a server behind a browser.
import { renameSync, writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface SuiteResults {
  passed: number;
  failed: number;
  tests: { title: string; state: 'passed' | 'failed'; error?: string }[];
  /** Failures outside a test: the suite could not load, a hook failed, the runner crashed. */
  errors: string[];
}

export async function run(): Promise<void> {
  const out = process.env.AB_E2E_RESULTS;
  const results: SuiteResults = { passed: 0, failed: 0, tests: [], errors: [] };
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 180_000, color: false, reporter: 'spec' });
    // Defines describe/it on the global object, then loads the tests (bundled, so required lazily here).
    const suite = process.env.AB_E2E_SUITE ?? 'extension';
    mocha.suite.emit('pre-require', globalThis, suite, mocha);
    if (suite === 'vsix') require('./vsix.e2e');
    else require('./extension.e2e');
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (t) => {
        results.passed++;
        results.tests.push({ title: t.fullTitle(), state: 'passed' });
      });
      runner.on('fail', (t, err: unknown) => {
        const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
        if (String(t.type) === 'hook') {
          results.errors.push(`${t.fullTitle()}: ${error}`);
        } else {
          results.failed++;
          results.tests.push({ title: t.fullTitle(), state: 'failed', error });
        }
      });
    });
  } catch (e) {
    results.errors.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  if (out) {
    // Written whole, then renamed: the launcher polls for the file and must never read half of it.
    writeFileSync(`${out}.tmp`, JSON.stringify(results, null, 2));
    renameSync(`${out}.tmp`, out);
  }
  if (results.failed || results.errors.length) throw new Error(`${results.failed} test(s) failed, ${results.errors.length} error(s)`);
}
