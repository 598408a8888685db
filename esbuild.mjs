// Bundles the CLI/server and the VS Code client, and copies the tree-sitter WASM files next to the server bundle.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node18', sourcemap: !production, minify: production, logLevel: 'warning' };

const serverEntries = ['server/src/cli.ts', 'server/src/server.ts', 'server/src/worker.ts'].filter((p) => existsSync(p));
// jsonc-parser's `main` is a UMD build whose requires a bundler cannot follow: take its ES module build.
const alias = { 'jsonc-parser': join(dirname(require.resolve('jsonc-parser/package.json')), 'lib', 'esm', 'main.js') };
await esbuild.build({ ...common, entryPoints: serverEntries, outdir: 'server/out', alias });
if (existsSync('client/src/extension.ts')) {
  await esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outdir: 'client/out', external: ['vscode'] });
}

// The catalog as one JSON file beside the bundles: start-up reads it instead of parsing YAML and compiling
// the catalog schema (the tests validate the YAML itself).
const { parse: parseYaml } = require('yaml');
const rulesJson = {};
for (const name of ['catalog', 'frameworks', 'sinks', 'controls']) rulesJson[name] = parseYaml(readFileSync(join('rules', `${name}.yaml`), 'utf8'));
mkdirSync('server/out', { recursive: true });
writeFileSync('server/out/rules.json', JSON.stringify(rulesJson));

const wasmDir = join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
mkdirSync('server/out/wasm', { recursive: true });
for (const f of ['tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-javascript.wasm']) {
  copyFileSync(join(wasmDir, f), join('server/out/wasm', f));
}
