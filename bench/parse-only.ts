// The baseline for scan_vs_parse: the scan's own file discovery and reader, then a bare tree-sitter
// parse of every file by the same parser module, in one thread, with no analysis. Bundled by run.ts
// to bench/out/parse-only.js and run as its own process, like the CLI it is compared with.
//
//   node bench/out/parse-only.js ROOT [--include GLOB]...
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../server/src/config/types';
import { grammarFor, initParsers, parse } from '../server/src/parse/parser';
import { readSource } from '../server/src/scan/read';
import { discoverFiles } from '../server/src/scan/walk';

async function main(argv: string[]): Promise<void> {
  const t0 = performance.now();
  const root = resolve(argv[0] ?? '.');
  const include: string[] = [];
  for (let i = 1; i < argv.length; i++) if (argv[i] === '--include') include.push(argv[++i]);
  await initParsers();
  const t1 = performance.now();
  const walked = discoverFiles([root], process.cwd(), { config: include.length ? { include } : {}, globBase: root });
  const t2 = performance.now();
  let files = 0;
  let bytes = 0;
  let nodes = 0;
  for (const file of walked.files) {
    const grammar = grammarFor(file);
    if (!grammar) continue;
    const src = readSource(file, DEFAULT_MAX_FILE_SIZE);
    if ('skip' in src) continue;
    const tree = parse(grammar, src.text);
    // Touch the result so the parse cannot be skipped, then free the WASM memory as a scan would.
    nodes += tree.rootNode.childCount;
    tree.delete();
    files++;
    bytes += Buffer.byteLength(src.text);
  }
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ files, bytes, nodes, initMs: t1 - t0, walkMs: t2 - t1, parseMs: t3 - t2, totalMs: t3 - t0 }) + '\n');
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
