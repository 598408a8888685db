// Placeholder until the analysis lands; see engine.ts for the contract.
import type { Engine, EngineOptions } from '../engine';

export async function createEngine(_opts: EngineOptions = {}): Promise<Engine> {
  return {
    analyzeFile: (file) => ({ file, findings: [], tools: [] }),
    invalidate: () => undefined,
    dependentsOf: () => [],
    setConfig: () => undefined,
  };
}
