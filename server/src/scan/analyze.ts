// Analyses one file for a scan (in-process or in a worker): read it safely, then run the engine.
import type { Engine, EngineOptions } from '../engine';
import type { ProjectConfig } from '../config/types';
import type { Finding, ToolSummary } from '../model/findings';
import { readSource, type Skip } from './read';

/** What a scan keeps of one file: its findings and tool summaries, or why it was skipped. */
export interface FileOutcome {
  file: string;
  findings: Finding[];
  tools: ToolSummary[];
  skip?: Skip;
  /** Invalid UTF-8 was replaced with U+FFFD; the file was still analysed. */
  replaced?: boolean;
  syntaxErrors?: number;
}

/** What a worker needs to build its own engine (plain data: it crosses the thread boundary). */
export interface ScanSettings {
  config: ProjectConfig;
  roots: string[];
  maxFileSize: number;
  /** The engine's module cache (EngineOptions.moduleCache). */
  moduleCache?: number;
}

/** Engine options whose cross-file reads go through the same safe reader as the scan. */
export function engineOptions(s: ScanSettings): EngineOptions {
  return {
    config: s.config,
    roots: s.roots,
    moduleCache: s.moduleCache,
    readFile: (p) => {
      const r = readSource(p, s.maxFileSize);
      return 'text' in r ? r.text : undefined;
    },
  };
}

export function analyzeOne(engine: Engine, file: string, s: ScanSettings): FileOutcome {
  const src = readSource(file, s.maxFileSize);
  if ('skip' in src) return { file, findings: [], tools: [], skip: src.skip };
  let result;
  try {
    result = engine.analyzeFile(file, src.text);
  } catch (e) {
    return { file, findings: [], tools: [], skip: { file, reason: 'analysis-failed', detail: (e as Error)?.stack ?? String(e) } };
  }
  if (result.skipped) return { file, findings: [], tools: [], skip: { file, reason: 'analysis-failed', detail: result.skipped } };
  // The engine has applied inline suppressions and the config's rule settings.
  const out: FileOutcome = { file, findings: result.findings, tools: result.tools };
  if (src.replaced) out.replaced = true;
  if (result.syntaxErrors) out.syntaxErrors = result.syntaxErrors;
  return out;
}
