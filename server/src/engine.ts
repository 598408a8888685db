// The single analysis entry point shared by the CLI, the language server and the benchmarks.
// source text → front-end (parse/) → agent model (model/) → analysis (analysis/) → findings.
import type { ProjectConfig } from './config/types';
import type { FileResult } from './model/findings';

export interface EngineOptions {
  config?: ProjectConfig;
  /**
   * Reads a workspace file for cross-file analysis (helpers imported by a tool). The language server
   * passes one that prefers open documents; the default reads the disk. Returns undefined when absent.
   */
  readFile?: (path: string) => string | undefined;
  /** Directories that bound cross-file import resolution (workspace folders, scan roots). */
  roots?: string[];
  /** Keep syntax trees between calls and re-parse edited documents incrementally (editors). */
  incremental?: boolean;
  /**
   * Parsed modules kept for cross-file lookups, least recently used out (default 64). Results do not
   * depend on it, only speed and memory: a scan, which moves through the tree folder by folder, needs few.
   */
  moduleCache?: number;
}

export interface Engine {
  /** Analyse one file (text given, or read from disk). Never throws on bad input. */
  analyzeFile(path: string, text?: string): FileResult;
  /** Forget what is cached for a file (changed on disk or in the editor). */
  invalidate(path: string): void;
  /** Files whose results depend on `path` (they import a helper from it), as last analysed. */
  dependentsOf(path: string): string[];
  /** Replace the configuration; cached results are dropped. */
  setConfig(config: ProjectConfig): void;
}

export { createEngine } from './analysis/engine-impl';
