// Owns the engines (one per distinct configuration) and the one call into analysis. An exception in
// analysis is logged and becomes an empty result for that file: nothing stale is shown.
import { DEFAULT_MAX_FILE_SIZE, type ProjectConfig } from '../config/types';
import { createEngine, type Engine } from '../engine';
import type { FileResult } from '../model/findings';
import { readSource, tooLarge } from '../scan/read';

export class Analyzer {
  private readonly engines = new Map<string, Promise<Engine>>();
  private readonly ready = new Set<Engine>();

  /**
   * `readFile` lets cross-file analysis see unsaved edits: it prefers open documents' text.
   */
  constructor(
    private readonly readFile: (path: string) => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  private engine(config: ProjectConfig, roots: string[]): Promise<Engine> {
    const key = JSON.stringify([config, [...roots].sort()]);
    let p = this.engines.get(key);
    if (!p) {
      p = createEngine({ config, roots, readFile: this.readFile, incremental: true }).then((e) => {
        runWarmUp(e);
        this.ready.add(e);
        return e;
      });
      p.catch(() => this.engines.delete(key));
      this.engines.set(key, p);
    }
    return p;
  }

  /** Analyses `path` (with `text`, or as read from disk when undefined). Never throws. */
  async analyze(path: string, given: string | undefined, config: ProjectConfig, roots: string[]): Promise<FileResult> {
    const max = config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    let text = given;
    if (text === undefined) {
      // The CLI's reader: never blocks on FIFOs, skips binary and oversize files with a stated reason.
      const src = readSource(path, max);
      if ('skip' in src) return { file: path, findings: [], tools: [], skipped: `${src.skip.reason}: ${src.skip.detail}` };
      text = src.text;
    } else if (text.length > max / 3 && Buffer.byteLength(text) > max) {
      const skip = tooLarge(path, Buffer.byteLength(text), max);
      return { file: path, findings: [], tools: [], skipped: `${skip.reason}: ${skip.detail}` };
    }
    try {
      // The engine applies inline suppressions and the rule settings of its configuration itself.
      const engine = await this.engine(config, roots);
      return engine.analyzeFile(path, text);
    } catch (e) {
      this.log(`Analysis of ${path} failed: ${(e as Error)?.stack ?? String(e)}`);
      return { file: path, findings: [], tools: [], skipped: 'analysis failed' };
    }
  }

  /** Prepares the engine for `config` ahead of time, so the first edit does not pay for its start-up. */
  async warmUp(config: ProjectConfig, roots: string[]): Promise<void> {
    await this.engine(config, roots).catch((e: unknown) => this.log(`Engine start-up failed: ${(e as Error)?.stack ?? String(e)}`));
  }

  invalidate(path: string): void {
    for (const e of this.ready) safely(() => e.invalidate(path), undefined);
  }

  dependentsOf(path: string): string[] {
    const out = new Set<string>();
    for (const e of this.ready) for (const d of safely(() => e.dependentsOf(path), [])) out.add(d);
    out.delete(path);
    return [...out];
  }

  /** Drops every engine and its caches (configuration changed). */
  reset(): void {
    this.engines.clear();
    this.ready.clear();
  }
}

function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** A small module per language, analysed edit by edit at start-up so the JIT has compiled the hot paths. */
const WARM_UP: [string, string][] = [
  ['/nonexistent/agent-boundary-warm-up.py', 'from langchain_core.tools import tool\nimport requests\n\n@tool\ndef fetch(url: str) -> str:\n    return requests.get(url).text\n'],
  ['/nonexistent/agent-boundary-warm-up.ts', "import { tool } from 'ai';\nimport { z } from 'zod';\nexport const get = tool({\n  inputSchema: z.object({ url: z.string() }),\n  execute: async ({ url }) => (await fetch(url)).text(),\n});\n"],
];

/** The first edits after start were 2-3x slower than the rest until the JIT caught up (bench/RESULTS.md). */
function runWarmUp(engine: Engine): void {
  for (const [path, text] of WARM_UP) {
    for (let i = 0; i < 25; i++) safely(() => engine.analyzeFile(path, text.replace('fetch', `fetch${i % 5}`) + '\n'.repeat(i % 3)), undefined);
    safely(() => engine.invalidate(path), undefined);
  }
}
