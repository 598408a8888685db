// The CLI writes its reports in pieces (server/src/report/stream.ts): the pieces must join to exactly
// what JSON.stringify(value, null, 2) prints for the same value with every Lazy array made a real one.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lazy, jsonChunks, writeChunks } from '../../server/src/report/stream';

/** The value with every Lazy replaced by the array it stands for. */
function materialise(v: unknown): unknown {
  if (v instanceof Lazy) return [...v.items].map((x) => materialise(v.map(x)));
  if (Array.isArray(v)) return v.map(materialise);
  if (v && typeof v === 'object' && !(v instanceof Date)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, materialise(x)]));
  return v;
}

function* counted(n: number): Generator<{ i: number; s: string }> {
  for (let i = 0; i < n; i++) yield { i, s: `item ${i} “quoted” \\ ${'\u00a7'}` };
}

describe('streamed reports', function () {
  // Factories: a generator behind a Lazy can be read only once, and each case is printed twice.
  const cases: Record<string, () => unknown> = {
    'a plain value': () => ({ a: 1, b: [1, 2, { c: null }], d: 'x', e: undefined, f: [] }),
    'a top-level lazy array': () => new Lazy([1, 2, 3], (x) => ({ x, y: [x, x] })),
    'an empty lazy array': () => ({ before: 1, items: new Lazy([]), after: {} }),
    'lazy arrays nested in objects and arrays': () => ({
      version: 1,
      skipped: undefined,
      fn: () => 1,
      runs: [{ tool: { name: 't' }, results: new Lazy(counted(5), (r) => ({ ...r, nested: new Lazy([r.i]) })), when: new Date(0) }],
      tail: [new Lazy(counted(2)), undefined],
    }),
    'items without a JSON form print as null': () => new Lazy([1, undefined, () => 2, 3]),
  };
  for (const [name, make] of Object.entries(cases)) {
    it(`prints ${name} exactly as JSON.stringify does`, function () {
      assert.equal([...jsonChunks(make())].join(''), JSON.stringify(materialise(make()), null, 2));
    });
  }

  it('reads a lazy list once, item by item, while it prints', function () {
    let read = 0;
    function* items(): Generator<number> {
      for (let i = 0; i < 3; i++) {
        read++;
        yield i;
      }
    }
    const chunks = jsonChunks({ list: new Lazy(items()) });
    chunks.next();
    assert.equal(read, 0, 'nothing read before the list is reached');
    const rest = [...chunks].join('');
    assert.equal(read, 3);
    assert.match(rest, /0,\n {4}1,\n {4}2\n {2}\]/);
  });

  it('writes the chunks to a file', function () {
    const dir = mkdtempSync(join(tmpdir(), 'ab-stream-'));
    try {
      const file = join(dir, 'out.json');
      writeChunks(jsonChunks({ items: new Lazy(counted(5000)) }), file);
      assert.equal(readFileSync(file, 'utf8'), JSON.stringify(materialise({ items: new Lazy(counted(5000)) }), null, 2));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
