// Walks every annotated fixture under test/fixtures and checks the engine's findings against the
// annotations exactly: each `ruleid` line carries its finding, each `ok` line does not, and no
// finding appears anywhere that is not annotated.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createEngine, type Engine } from '../../server/src/engine';
import { RULE_IDS } from '../../server/src/rules/types';
import { FIXTURES, annotations, fixtureFiles } from './annotations';

const KNOWN = new Set<string>(RULE_IDS);
const byLine = (a: string, b: string) => parseInt(a.slice(1), 10) - parseInt(b.slice(1), 10) || a.localeCompare(b);

/** `L12 net/unscoped-request  | resp = requests.get(url)`: one line per expected or actual finding. */
function row(lines: string[], line: number, ruleId: string): string {
  return `L${line} ${ruleId.padEnd(40)}| ${(lines[line - 1] ?? '').trim()}`;
}

describe('annotated fixtures', function () {
  let engine: Engine;
  const files = fixtureFiles();
  before(async function () {
    engine = await createEngine({ roots: [FIXTURES] });
    // as in a scan: every file seen once, so a handler that another file registers (`registerTool('x', cfg,
    // handler)` with the handler imported) is a tool when its own file is checked, whatever the order
    for (const f of files) engine.analyzeFile(f);
  });

  it('there are fixtures to walk', function () {
    assert.ok(files.length > 0, `no fixtures under ${FIXTURES}`);
  });

  for (const file of files) {
    const name = relative(FIXTURES, file);
    it(name, function () {
      const text = readFileSync(file, 'utf8');
      const lines = text.split(/\r?\n/);
      const notes = annotations(text);

      const problems: string[] = [];
      for (const n of notes) {
        if (!KNOWN.has(n.ruleId)) problems.push(`L${n.commentLine}: unknown rule id '${n.ruleId}'`);
        if (n.line === undefined) problems.push(`L${n.commentLine}: annotation with no line after it`);
      }
      const expected = notes.filter((n) => n.kind === 'ruleid' && n.line !== undefined);
      for (const n of notes.filter((a) => a.kind === 'ok')) {
        if (expected.some((e) => e.line === n.line && e.ruleId === n.ruleId)) problems.push(`L${n.commentLine}: both ruleid and ok for ${n.ruleId}`);
      }
      assert.deepEqual(problems, [], `fixture annotations are inconsistent in ${name}`);

      const result = engine.analyzeFile(file);
      assert.equal(result.skipped, undefined, `fixture was skipped: ${result.skipped}`);
      // a file's annotations describe the findings located in it (a module that registers tools defined
      // elsewhere also returns their findings, which that module's own annotations cover)
      const here = result.findings.filter((f) => f.file === file);
      const actual = here
        .filter((f) => !f.suppressed)
        .map((f) => row(lines, f.span.start.line + 1, f.ruleId))
        .sort(byLine);
      const want = expected.map((n) => row(lines, n.line!, n.ruleId)).sort(byLine);
      const forbidden = new Set(notes.filter((n) => n.kind === 'ok').map((n) => row(lines, n.line!, n.ruleId)));
      const missing = want.filter((r) => !actual.includes(r));
      const extra = actual.filter((r) => !want.includes(r));
      // one finding per tool, category and line: two tools sharing one handler each get theirs
      const keyed = here.filter((f) => !f.suppressed).map((f) => `${row(lines, f.span.start.line + 1, f.ruleId)} [${f.tool.name}]`);
      const dupes = keyed.filter((r, i) => keyed.indexOf(r) !== i);
      if (missing.length || extra.length || dupes.length) {
        const part = (title: string, rows: string[]) => (rows.length ? `\n  ${title}:\n    ${rows.join('\n    ')}` : '');
        throw new assert.AssertionError({
          message:
            `findings differ from the annotations in ${name}` +
            part('annotated but not reported', missing) +
            part("reported but not annotated", extra.map((r) => (forbidden.has(r) ? `${r}   <- on an 'ok' line` : r))) +
            part('reported more than once', dupes),
        });
      }
    });
  }
});
