// `npm run test:e2e`: the extension in real VS Code (the VS Code server of code-server, in headless Chromium),
// the packaged .vsix installed into that server, and the language server in headless Neovim.
// Expects test/e2e/setup.sh to have run and the extension to be built (the npm script does both).
// Prints every test, then a closing `N passed, N failed` line; exits non-zero on any failure.
//   AB_E2E_ONLY=vscode,vsix,nvim   run a subset          AB_E2E_KEEP=1   keep the temp dirs and logs
//   AB_E2E_ONLY=electron           the suite in desktop VS Code via @vscode/test-electron (downloads VS Code)
//   AB_E2E_VSIX=path               test that .vsix instead of running `npm run package`
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { runNeovim } from './nvim/run';
import { runElectron } from './vscode/electron';
import type { SuiteResults } from './vscode/suite/index';
import { HOST_EXTENSION, ROOT, SUITE_OUT, runVsCodeSuite } from './vscode/launch';

interface Part extends SuiteResults {
  name: string;
  runDir?: string;
  note?: string;
}

async function bundleSuite(): Promise<void> {
  await esbuild.build({
    entryPoints: { suite: join(__dirname, 'vscode', 'suite', 'index.ts') },
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves its worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

function packageVsix(): string {
  const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  const vsix = join(ROOT, 'agent-boundary.vsix');
  if (r.status !== 0 || !existsSync(vsix)) throw new Error(`npm run package failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

function report(part: Part): void {
  console.log(`\n${part.name}${part.note ? ` (${part.note})` : ''}`);
  for (const t of part.tests) {
    console.log(`  ${t.state === 'passed' ? 'ok  ' : 'FAIL'} ${t.title}`);
    if (t.error) console.log(t.error.replace(/^/gm, '         '));
  }
  for (const e of part.errors) console.log(`  ERROR ${e.replace(/\n/g, '\n        ')}`);
  if (part.runDir && (part.failed || part.errors.length)) console.log(`  logs: ${part.runDir}`);
}

async function main(): Promise<void> {
  const only = (process.env.AB_E2E_ONLY ?? 'vscode,vsix,nvim').split(',');
  const parts: Part[] = [];
  const t0 = Date.now();
  const since = () => `${Math.round((Date.now() - t0) / 1000)} s`;

  if (only.some((p) => ['vscode', 'vsix', 'electron'].includes(p))) await bundleSuite();
  if (only.includes('vscode')) {
    const r = await runVsCodeSuite({ label: 'vscode', suite: 'extension', extensionDevelopmentPath: ROOT, timeoutMs: 8 * 60_000 });
    parts.push({ name: 'VS Code 1.139 (code-server server, Chromium): extension under development', ...r, note: JSON.stringify(r.timings) });
  }
  if (only.includes('vsix')) {
    try {
      const vsix = process.env.AB_E2E_VSIX ?? packageVsix();
      const r = await runVsCodeSuite({ label: 'vsix', suite: 'vsix', vsix, extensionDevelopmentPath: HOST_EXTENSION, timeoutMs: 5 * 60_000 });
      parts.push({ name: 'VS Code 1.139: the packaged .vsix', ...r, note: JSON.stringify(r.timings) });
    } catch (e) {
      parts.push({ name: 'VS Code 1.139: the packaged .vsix', passed: 0, failed: 0, tests: [], errors: [e instanceof Error ? e.message : String(e)] });
    }
  }
  if (only.includes('electron')) {
    const r = await runElectron();
    parts.push({ name: 'Desktop VS Code (@vscode/test-electron)', ...r, note: JSON.stringify(r.timings) });
  }
  if (only.includes('nvim')) {
    const r = await runNeovim(3 * 60_000);
    parts.push({ name: 'Neovim (built-in LSP client)', ...r, note: `${r.seconds} s` });
  }

  for (const p of parts) report(p);
  const passed = parts.reduce((n, p) => n + p.passed, 0);
  // An error outside a test (nothing started, no results) counts as a failure.
  const failed = parts.reduce((n, p) => n + p.failed + p.errors.length, 0);
  console.log(`\ne2e finished in ${since()}`);
  console.log(`${passed} passed, ${failed} failed`);
  // Exit explicitly: nothing started here may keep the process alive (all of it has been stopped).
  process.exit(failed || !passed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
