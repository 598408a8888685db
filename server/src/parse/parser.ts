// Loads the tree-sitter runtime and grammars (WASM, no native code) once per process.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as TreeSitter from '@vscode/tree-sitter-wasm';
import type { Language } from '../model/ir';

export type Tree = TreeSitter.Tree;
export type Node = TreeSitter.Node;
export type Grammar = 'python' | 'typescript' | 'tsx' | 'javascript';

/** server/out/wasm in the bundle; the package's own folder when running from source. */
function wasmDir(): string {
  const candidates = [join(__dirname, 'wasm'), join(__dirname, '..', 'out', 'wasm'), join(__dirname, '..', '..', 'out', 'wasm')];
  for (let d = __dirname, i = 0; i < 6; i++, d = dirname(d)) candidates.push(join(d, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm'));
  const found = candidates.find((c) => existsSync(join(c, 'tree-sitter.wasm')));
  if (!found) throw new Error(`agent-boundary: tree-sitter WASM files not found (looked in ${candidates[0]})`);
  return found;
}

let ready: Promise<void> | undefined;
const languages = new Map<Grammar, TreeSitter.Language>();
const parsers = new Map<Grammar, TreeSitter.Parser>();
let wasmModule: Record<string, unknown> | undefined;

/**
 * The Emscripten module behind tree-sitter (it fills in the options object given to Parser.init):
 * parse/typescript.ts walks trees through its cursor exports directly, skipping the wrappers'
 * per-call marshalling. Undefined before initParsers().
 */
export function treeSitterModule(): Record<string, unknown> | undefined {
  return wasmModule;
}

/** Must be awaited once before parse(). */
export function initParsers(): Promise<void> {
  ready ??= (async () => {
    const dir = wasmDir();
    const options = { locateFile: (name: string) => join(dir, name) };
    await TreeSitter.Parser.init(options);
    wasmModule = options as unknown as Record<string, unknown>;
    for (const g of ['python', 'typescript', 'tsx', 'javascript'] as Grammar[]) {
      languages.set(g, await TreeSitter.Language.load(join(dir, `tree-sitter-${g}.wasm`)));
    }
  })();
  return ready;
}

export function grammarFor(path: string): Grammar | undefined {
  const m = /\.([a-z]+)$/i.exec(path);
  switch (m?.[1].toLowerCase()) {
    case 'py':
    case 'pyi':
      return 'python';
    case 'ts':
    case 'mts':
    case 'cts':
      return 'typescript';
    case 'tsx':
      return 'tsx';
    case 'js':
    case 'jsx':
    case 'mjs':
    case 'cjs':
      // The TSX grammar parses JSX and plain JavaScript (and tolerates Flow-free JS) in one grammar.
      return 'tsx';
    default:
      return undefined;
  }
}

export function languageOf(path: string): Language | undefined {
  const g = grammarFor(path);
  if (!g) return undefined;
  if (g === 'python') return 'python';
  return /\.(js|jsx|mjs|cjs)$/i.test(path) ? 'javascript' : 'typescript';
}

/** Parses text; pass the previous tree (already edited with tree.edit) for incremental re-parsing. */
export function parse(grammar: Grammar, text: string, previous?: Tree): Tree {
  let p = parsers.get(grammar);
  if (!p) {
    const lang = languages.get(grammar);
    if (!lang) throw new Error('initParsers() was not awaited');
    p = new TreeSitter.Parser();
    p.setLanguage(lang);
    parsers.set(grammar, p);
  }
  const tree = p.parse(text, previous ?? null);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
