// The engine's module cache is only a cache: however small, the results (fix data and suppressions
// included) are the same. A tool whose helpers are imported from other files pushes its own module out
// of a small cache while it is being analysed.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createEngine, type Engine } from '../../server/src/engine';
import { FIXTURES, fixtureFiles } from './annotations';

describe('engine module cache', function () {
  let roomy: Engine;
  let tiny: Engine;
  before(async function () {
    roomy = await createEngine({ roots: [FIXTURES] });
    tiny = await createEngine({ roots: [FIXTURES], moduleCache: 1 });
  });

  it('a one-module cache gives the same findings, fixes and tool summaries as the default', function () {
    const files = fixtureFiles();
    let crossFile = 0;
    const differ: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const a = roomy.analyzeFile(file, text);
      const b = tiny.analyzeFile(file, text);
      // a finding with fix data in a file that imports a sibling module: the import evicts the file
      if (a.findings.some((f) => f.fix) && /^\s*from \.|^\s*import [^;]* from '\.\.?\//m.test(text)) crossFile++;
      try {
        assert.deepEqual(b, a);
      } catch {
        differ.push(relative(FIXTURES, file));
      }
    }
    assert.ok(crossFile > 0, 'no fixture with a fixable finding imports a sibling module: the comparison proves little');
    assert.deepEqual(differ, []);
  });
});
