// The Python front-end lowers from a copy of the syntax tree (server/src/parse/python-tree.ts). Every node
// of the copy must answer as web-tree-sitter's own Node does, over both cursors the copy can use.
import * as assert from 'node:assert/strict';
import { initParsers, parse, type Node } from '../../server/src/parse/parser';
import { type PyNode, copyPython, pyCopyHooks } from '../../server/src/parse/python-tree';

const SAMPLE = [
  '# -*- coding: utf-8 -*-',
  'from pkg import (a, b as c)  # comment',
  "s = f'é😀 {x!r:>{width}} \\n' + \"zz\"\r",
  'def f(x: int = 1, *args, **kw) -> str:',
  '    """doc"""',
  '    if x is not None and x not in (1, 2): return -x',
  '    elif x: pass',
  '    else:',
  '        lambda y: y ** 2',
  '    with open(p) as fh, ctx(): yield from g()',
  '@decorator(arg=[i for i in range(3) if i])',
  'class K(Base, metaclass=M):',
  '    def m(self): return {k: v for k, v in d.items()}',
  'def broken(:',
  '    x = = 1',
  'match cmd:',
  '    case [a, *rest] if a > 0: pass',
  '',
].join('\n');

function compare(real: Node, copy: PyNode, path: string, problems: string[]): void {
  const check = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${path} ${what}: tree-sitter ${JSON.stringify(a)}, copy ${JSON.stringify(b)}`);
  };
  check('type', real.type, copy.type);
  check('isNamed', real.isNamed, copy.isNamed);
  check('text', real.text, copy.text);
  check('start', real.startPosition, copy.startPosition);
  check('end', real.endPosition, copy.endPosition);
  check('childCount', real.childCount, copy.childCount);
  check('namedChildren', real.namedChildren.map((c) => c?.type), copy.namedChildren.map((c) => c.type));
  for (let i = 0; i < real.childCount; i++) check(`field of child ${i}`, real.fieldNameForChild(i), copy.fieldNameForChild(i));
  for (const f of ['name', 'body', 'value', 'left', 'right', 'operator', 'condition', 'alternative', 'function', 'arguments', 'object', 'attribute', 'parameters', 'return_type', 'type']) {
    check(`childForFieldName(${f})`, real.childForFieldName(f)?.startIndex, copy.childForFieldName(f)?.startIndex);
  }
  for (let i = 0; i < real.childCount; i++) {
    const r = real.child(i);
    const c = copy.child(i);
    if (r && c) compare(r, c, `${path}/${i}:${r.type}`, problems);
  }
}

describe('Python tree copy', function () {
  before(async function () {
    await initParsers();
  });

  for (const direct of [true, false]) {
    it(`answers as tree-sitter's nodes do (${direct ? 'direct' : 'wrapper'} cursor), for the module and for one statement`, function () {
      const tree = parse('python', SAMPLE);
      try {
        pyCopyHooks.direct = direct;
        const problems: string[] = [];
        compare(tree.rootNode, copyPython(tree.rootNode, SAMPLE), 'module', problems);
        assert.equal(pyCopyHooks.used, direct ? 'direct' : 'wrapper');
        const fn = tree.rootNode.namedChildren.find((n) => n?.type === 'function_definition') as Node;
        compare(fn, copyPython(fn), 'function', problems);
        assert.ok(tree.rootNode.hasError, 'the sample has syntax errors');
        assert.deepEqual(problems.slice(0, 10), []);
      } finally {
        pyCopyHooks.direct = true;
        tree.delete();
      }
    });
  }
});
