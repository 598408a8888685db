// Scores the analyzer on the project's own labeled corpus (test/corpus): per labeled tool and scored
// category, a finding inside the tool's lines is a true positive when expected and a false positive
// when not; a finding outside every labeled tool is a stray false positive.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createEngine } from '../../server/src/engine';
import type { Finding } from '../../server/src/model/findings';

const ROOT = join(__dirname, '..', 'corpus');
const CASES = join(ROOT, 'cases');
const SCORED = ['net', 'fs', 'sql', 'exec', 'secret', 'txn', 'audit'];

interface Label {
  file: string;
  tool: string;
  start: number;
  end: number;
  expect: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

describe('labeled corpus (test/corpus)', function () {
  this.timeout(120000);
  it('scores precision and recall of at least 0.95, with every miss listed', async () => {
    const labels = JSON.parse(readFileSync(join(ROOT, 'labels.json'), 'utf8')) as Label[];
    const engine = await createEngine({ roots: [CASES] });
    const found: { file: string; line: number; cat: string; f: Finding }[] = [];
    const seen = new Set<string>();
    for (const file of walk(CASES)) {
      for (const f of engine.analyzeFile(file).findings) {
        const cat = f.ruleId.split('/')[0];
        const rel = relative(CASES, f.file).split(sep).join('/');
        const key = `${rel}:${f.span.start.line}:${f.ruleId}:${f.tool.name}`;
        if (!SCORED.includes(cat) || f.suppressed || seen.has(key)) continue;
        seen.add(key);
        found.push({ file: rel, line: f.span.start.line + 1, cat, f });
      }
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    const claimed = new Set<object>();
    for (const t of labels) {
      const inTool = found.filter((x) => x.file === t.file && x.line >= t.start && x.line <= t.end);
      inTool.forEach((x) => claimed.add(x));
      const got = new Set(inTool.map((x) => x.cat));
      for (const c of SCORED) {
        const want = t.expect.includes(c);
        if (want && got.has(c)) tp++;
        else if (want) {
          fn++;
          misses.push(`missed ${c} ${t.file}:${t.start} ${t.tool}`);
        } else if (got.has(c)) {
          fp++;
          misses.push(`false  ${c} ${t.file}:${t.start} ${t.tool}`);
        }
      }
    }
    for (const x of found) {
      if (claimed.has(x)) continue;
      fp++;
      misses.push(`stray  ${x.cat} ${x.file}:${x.line} ${x.f.ruleId}`);
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    console.log(`      corpus: ${labels.length} tools, tp ${tp} fp ${fp} fn ${fn}, precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}`);
    assert.ok(labels.length >= 200 && tp > 0, 'the corpus is present');
    assert.ok(precision >= 0.95 && recall >= 0.95, `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)}\n${misses.join('\n')}`);
  });
});
