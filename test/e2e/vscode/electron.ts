// The same suite in desktop VS Code through @vscode/test-electron, which downloads VS Code: for machines
// that can reach its download server (not this project's CI, which runs the suite in the VS Code server
// instead: launch.ts). Opt-in with AB_E2E_ONLY=electron; on Linux without a display run it under xvfb-run.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, SUITE_OUT, extensionId, prepareRun, type VsCodeRun } from './launch';
import type { SuiteResults } from './suite/index';

export async function runElectron(): Promise<VsCodeRun> {
  const t0 = Date.now();
  const { runDir, ws } = prepareRun('electron');
  const resultsFile = join(runDir, 'results.json');
  let failure: string | undefined;
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: join(SUITE_OUT, 'suite.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', join(runDir, 'extensions')],
      extensionTestsEnv: { AB_E2E_RESULTS: resultsFile, AB_E2E_SUITE: 'extension', AB_E2E_EXTENSION_ID: extensionId(ROOT) },
    });
  } catch (e) {
    // A failing suite also exits non-zero; its results file says which tests failed.
    failure = e instanceof Error ? e.message : String(e);
  }
  const timings = { 'suite finished': Math.round((Date.now() - t0) / 100) / 10 };
  if (!existsSync(resultsFile)) return { passed: 0, failed: 0, tests: [], errors: [`no results from VS Code: ${failure ?? 'it exited without writing them'}`], runDir, timings };
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
  if (results.failed === 0 && results.errors.length === 0 && !process.env.AB_E2E_KEEP) rmSync(runDir, { recursive: true, force: true });
  return { ...results, runDir, timings };
}
