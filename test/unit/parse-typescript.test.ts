// The TypeScript / JavaScript front-end: each lowering rule of parse/typescript.ts on small
// snippets, the shapes agent frameworks use, and broken or pathological input.
import * as assert from 'node:assert/strict';
import type {
  AssignStmt,
  CallExpr,
  ClassDeclStmt,
  DictExpr,
  Expr,
  ExprStmt,
  FuncDeclStmt,
  FunctionDef,
  IfStmt,
  LoopStmt,
  Module,
  RaiseStmt,
  ReturnStmt,
  Span,
  Stmt,
  TryStmt,
} from '../../server/src/model/ir';
import { grammarFor, initParsers, languageOf, parse } from '../../server/src/parse/parser';
import { testHooks, lowerTypeScript } from '../../server/src/parse/typescript';

function lower(code: string, file = 'agent.ts'): Module {
  const tree = parse(grammarFor(file) ?? 'typescript', code);
  try {
    return lowerTypeScript(tree.rootNode, file, languageOf(file) ?? 'typescript');
  } finally {
    tree.delete();
  }
}

function fn(m: Module, id: string): FunctionDef {
  const f = m.functions.get(id);
  assert.ok(f, `no function '${id}'; have ${[...m.functions.keys()].join(', ')}`);
  return f;
}

/** The model without spans, functions shown by id and classes by name: for whole-shape comparisons. */
function shape(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(shape);
  if (x && typeof x === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === 'span' || k === 'argsSpan' || k === 'nameSpan' || v === undefined) continue;
      if (k === 'fn') out[k] = (v as FunctionDef).id;
      else if (k === 'cls') out[k] = (v as { name: string }).name;
      else out[k] = shape(v);
    }
    return out;
  }
  return x;
}

function only<T extends Stmt>(m: Module | Stmt[], kind: T['kind']): T {
  const body = Array.isArray(m) ? m : m.body;
  assert.equal(body.length, 1, `expected one statement, got ${JSON.stringify(shape(body))}`);
  assert.equal(body[0].kind, kind);
  return body[0] as T;
}

/** The value of `x = <expr>` as the module's single statement. */
function valueOf(code: string, file?: string): Expr {
  return only<AssignStmt>(lower(`x = ${code};`, file), 'assign').value;
}

const name = (id: string) => ({ kind: 'name', id });
const str = (value: string, raw?: string) => (raw === undefined ? { kind: 'str', value } : { kind: 'str', value, raw });
const at = (line: number, col: number) => ({ line, col });
const spanText = (code: string, s: Span) => {
  const lines = code.split('\n');
  assert.equal(s.start.line, s.end.line, 'single-line span expected');
  return lines[s.start.line].slice(s.start.col, s.end.col);
};

describe('TypeScript front-end', function () {
  before(async function () {
    await initParsers();
  });

  describe('positions', function () {
    it('columns are UTF-16 code units on lines holding non-ASCII text', function () {
      const code = "const s = 'é😀'; fetch(url);\nlet y = 'ü' + z;";
      const m = lower(code);
      const call = (m.body[1] as ExprStmt).expr as CallExpr;
      // 'é' is one UTF-16 unit, '😀' two (a surrogate pair): url sits at JS string index 23.
      assert.equal(code.indexOf('url'), 23);
      assert.deepEqual(call.args[0].value.span, { start: at(0, 23), end: at(0, 26) });
      assert.deepEqual(call.callee.span, { start: at(0, 17), end: at(0, 22) });
      const z = ((m.body[2] as AssignStmt).value as { right: Expr }).right;
      assert.deepEqual(z.span, { start: at(1, 14), end: at(1, 15) });
    });

    it('spans are zero-based and end-exclusive; CRLF and lone CR end lines', function () {
      const code = 'a = 1;\r\n  b(c);\rd(e);';
      const m = lower(code);
      assert.deepEqual(m.body[0].span, { start: at(0, 0), end: at(0, 6) });
      assert.deepEqual(m.body[1].span, { start: at(1, 2), end: at(1, 7) });
      assert.deepEqual(((m.body[1] as ExprStmt).expr as CallExpr).argsSpan, { start: at(1, 3), end: at(1, 6) });
      assert.deepEqual(m.body[2].span, { start: at(2, 0), end: at(2, 5) });
    });

    it('keeps positions when the file starts with blank lines and indentation', function () {
      const code = '\n\n\t  go(x)\n';
      const m = lower(code);
      assert.deepEqual(m.body[0].span.start, at(2, 3));
    });
  });

  describe('imports', function () {
    it('default, namespace, named and aliased imports; module strings kept as written', function () {
      const m = lower(
        [
          "import fs from 'node:fs/promises';",
          'import * as path from "path";',
          "import { tool, z as zod } from './helpers.js';",
          "import def, { a } from 'm';",
        ].join('\n'),
      );
      assert.deepEqual(
        m.imports.map((b) => [b.local, b.module, b.name]),
        [
          ['fs', 'node:fs/promises', 'default'],
          ['path', 'path', '*'],
          ['tool', './helpers.js', 'tool'],
          ['zod', './helpers.js', 'z'],
          ['def', 'm', 'default'],
          ['a', 'm', 'a'],
        ],
      );
      assert.deepEqual(m.imports[0].span, { start: at(0, 7), end: at(0, 9) });
      assert.deepEqual(
        m.body.map((s) => s.kind),
        ['import', 'import', 'import', 'import'],
      );
    });

    it('keeps type-only imports (annotations name classes and interfaces through them); side-effect imports bind nothing', function () {
      const m = lower("import type { T } from 't';\nimport { type U, v } from 'u';\nimport type D from 'd';\nimport 'polyfill';");
      assert.deepEqual(
        m.imports.map((b) => [b.local, b.module, b.name]),
        [['T', 't', 'T'], ['U', 'u', 'U'], ['v', 'u', 'v'], ['D', 'd', 'default']],
      );
    });

    it('records the properties of interfaces and object type aliases', function () {
      const m = lower('export interface Deps {\n  repo: ChatRepository;\n  readonly mail?: Mailer,\n  onDone: (x: string) => void;\n}\ntype Ctx = { db: Pool; opts: { a: number } };\ntype U = A | B;');
      assert.deepEqual([...(m.types?.get('Deps') ?? [])], [['repo', 'ChatRepository'], ['mail', 'Mailer'], ['onDone', '(x: string) => void']]);
      assert.deepEqual([...(m.types?.get('Ctx') ?? [])], [['db', 'Pool'], ['opts', '{ a: number }']]);
      assert.equal(m.types?.has('U'), false);
    });

    it("import x = require('m') and const x = require('m') bind the whole module", function () {
      const m = lower("import cp = require('child_process');\nconst os = require('os');\nvar http = require('node:http');");
      assert.deepEqual(
        m.imports.map((b) => [b.local, b.module, b.name]),
        [
          ['cp', 'child_process', '*'],
          ['os', 'os', '*'],
          ['http', 'node:http', '*'],
        ],
      );
      // The require() calls stay ordinary assignments.
      const a = m.body[1] as AssignStmt;
      assert.deepEqual(shape(a), {
        kind: 'assign',
        targets: [name('os')],
        value: { kind: 'call', callee: name('require'), args: [{ value: str('os', "'os'") }] },
        declaration: true,
      });
    });

    it('destructured require binds each property; member access and dynamic import too', function () {
      const m = lower(
        "const { readFile, writeFile: save, ...others } = require('fs');\nconst exec = require('child_process').exec;\nasync function f() { const { spawn } = await import('node:child_process'); }",
      );
      assert.deepEqual(
        m.imports.map((b) => [b.local, b.module, b.name]),
        [
          ['readFile', 'fs', 'readFile'],
          ['save', 'fs', 'writeFile'],
          ['exec', 'child_process', 'exec'],
          ['spawn', 'node:child_process', 'spawn'],
        ],
      );
    });
  });

  describe('functions', function () {
    it('a declaration is a FuncDeclStmt and an entry in functions', function () {
      const m = lower('export async function handle(req: Request) {\n  return req;\n}');
      const s = only<FuncDeclStmt>(m, 'funcdecl');
      const f = fn(m, 'handle');
      assert.equal(s.fn, f);
      assert.equal(f.name, 'handle');
      assert.equal(f.isAsync, true);
      assert.equal(spanText('export async function handle(req: Request) {', f.nameSpan), 'handle');
      assert.deepEqual(f.span.start, at(0, 7));
      assert.deepEqual(f.bodyStart, at(1, 2));
      assert.equal(f.bodyIndent, '  ');
      assert.deepEqual(shape(f.body), [{ kind: 'return', value: name('req') }]);
    });

    it('arrows and function expressions take the name of their variable or property', function () {
      const code = 'const fetchUrl = async (u) => {\n  return u;\n};\nconst o = { execute: async ({ url }) => url, run: function () {} };';
      const m = lower(code);
      const f = fn(m, 'fetchUrl');
      assert.equal(f.name, 'fetchUrl');
      assert.equal(spanText(code, f.nameSpan), 'fetchUrl');
      assert.equal(fn(m, 'execute').name, 'execute');
      assert.equal(fn(m, 'run').name, 'run');
      const a = m.body[0] as AssignStmt;
      assert.equal(a.value.kind, 'func');
      assert.equal(a.value.kind === 'func' && a.value.fn, f);
      const d = (m.body[1] as AssignStmt).value as DictExpr;
      assert.deepEqual(shape(d.entries), [
        { key: 'execute', value: { kind: 'func', fn: 'execute' } },
        { key: 'run', value: { kind: 'func', fn: 'run' } },
      ]);
    });

    it('an arrow with an expression body returns it', function () {
      const m = lower('const get = (url: string) =>\n  fetch(url);');
      const f = fn(m, 'get');
      assert.equal(f.exprBody, true);
      assert.deepEqual(shape(f.body), [{ kind: 'return', value: { kind: 'call', callee: name('fetch'), args: [{ value: name('url') }] } }]);
      assert.deepEqual(f.bodyStart, at(1, 2));
      assert.equal(f.bodyIndent, '  ');
    });

    it('anonymous functions get <anonymous>@line:col ids; repeated names get @line:col', function () {
      const code = 'register(async (a) => a);\nfunction dup() {}\nfunction dup() {}\nconst o = { dup() {} };';
      const m = lower(code);
      assert.deepEqual([...m.functions.keys()], ['<anonymous>@1:10', 'dup', 'dup@3:1', 'dup@4:13']);
      const anon = fn(m, '<anonymous>@1:10');
      assert.equal(anon.name, '');
      assert.equal(spanText(code, anon.nameSpan), 'async (a) =>');
      const call = (m.body[0] as ExprStmt).expr as CallExpr;
      assert.equal(call.args[0].value.kind === 'func' && call.args[0].value.fn, anon);
    });

    it('the head of an anonymous function expression is its nameSpan', function () {
      const code = 'use(async function () { go(); });';
      const f = [...lower(code).functions.values()][0];
      assert.equal(spanText(code, f.nameSpan), 'async function');
    });

    it('nested functions record their parent', function () {
      const m = lower('function outer() {\n  const inner = () => {\n    function deepest() {}\n  };\n}');
      assert.equal(fn(m, 'outer').parent, undefined);
      assert.equal(fn(m, 'inner').parent, 'outer');
      assert.equal(fn(m, 'deepest').parent, 'inner');
    });

    it('class methods are Class.method with className; getters and object methods are functions', function () {
      const code = [
        '@Injectable()',
        'export class Search extends Base {',
        '  @Log() async run(q: string) { return q; }',
        '  get label() { return "x"; }',
        '  static create() {}',
        '  #secret() {}',
        '}',
        'const o = { get size() { return 1; }, async save(x) {} };',
      ].join('\n');
      const m = lower(code);
      assert.deepEqual([...m.functions.keys()], ['Search.run', 'Search.label', 'Search.create', 'Search.#secret', 'size', 'save']);
      const run = fn(m, 'Search.run');
      assert.equal(run.name, 'run');
      assert.equal(run.className, 'Search');
      assert.equal(run.isAsync, true);
      assert.deepEqual(shape(run.decorators), [{ expr: { kind: 'call', callee: name('Log'), args: [] } }]);
      const cls = m.classes[0];
      assert.equal(cls.name, 'Search');
      assert.deepEqual(cls.methods, ['Search.run', 'Search.label', 'Search.create', 'Search.#secret']);
      assert.deepEqual(shape(cls.bases), [name('Base')]);
      assert.deepEqual(shape(cls.decorators), [{ expr: { kind: 'call', callee: name('Injectable'), args: [] } }]);
      assert.equal(spanText(code, cls.nameSpan), 'Search');
      assert.equal(fn(m, 'size').className, undefined);
    });

    it('bodyIndent for one-line and empty bodies is the line indentation plus the file indent unit', function () {
      const m = lower('class A {\n    m() { return 1; }\n    n() {}\n    o() {\n        go();\n    }\n}');
      assert.equal(fn(m, 'A.m').bodyIndent, '        ');
      assert.deepEqual(fn(m, 'A.m').bodyStart, at(1, 10));
      assert.equal(fn(m, 'A.n').bodyIndent, '        ');
      assert.deepEqual(fn(m, 'A.n').bodyStart, at(2, 9));
      assert.equal(fn(m, 'A.o').bodyIndent, '        ');
      const tabs = lower('function f() {\n\tif (x) {\n\t\tg(() => 1);\n\t}\n}');
      const arrow = [...tabs.functions.values()][1];
      assert.equal(arrow.bodyIndent, '\t\t\t');
    });

    it('decorators on exported classes and on fields-with-handlers', function () {
      const m = lower('@Tool({ name: "x" }) export class T {\n  @Trace() handler = async (input) => input;\n}');
      assert.deepEqual(shape(m.classes[0].decorators), [
        { expr: { kind: 'call', callee: name('Tool'), args: [{ value: { kind: 'dict', entries: [{ key: 'name', value: str('x', '"x"') }] } }] } },
      ]);
      const h = fn(m, 'T.handler');
      assert.equal(h.className, 'T');
      assert.equal(h.decorators.length, 1);
      assert.deepEqual(m.classes[0].methods, ['T.handler']);
    });
  });

  describe('parameters', function () {
    it('identifiers, defaults, rest, annotations; `this` is skipped', function () {
      const m = lower('function f(this: Ctx, a: string, b = 2, c?: number, ...more: string[]) {}');
      assert.deepEqual(shape(fn(m, 'f').params), [
        { name: 'a', index: 0, annotation: 'string' },
        { name: 'b', index: 1, defaultValue: { kind: 'const', value: 2 } },
        { name: 'c', index: 2, annotation: 'number' },
        { name: 'more', index: 3, annotation: 'string[]', rest: true },
      ]);
    });

    it('an object pattern is a synthetic $argN with the pattern', function () {
      const m = lower("const h = async ({ url, path: requested = '.', ...rest }: { url: string }, [first, , third]) => url;");
      const ps = fn(m, 'h').params;
      assert.deepEqual(shape(ps[0]), {
        name: '$arg0',
        index: 0,
        annotation: '{ url: string }',
        pattern: {
          kind: 'object',
          props: [
            { key: 'url', target: name('url') },
            { key: 'path', target: name('requested'), default: str('.', "'.'") },
            { target: name('rest'), rest: true },
          ],
        },
      });
      assert.deepEqual(shape(ps[1]), {
        name: '$arg1',
        index: 1,
        pattern: { kind: 'tuple', items: [name('first'), name(''), name('third')] },
      });
    });

    it('shorthand defaults in patterns and a single bare arrow parameter', function () {
      const m = lower('const a = ({ limit = 10 }) => limit;\nconst b = q => q;');
      assert.deepEqual(shape(fn(m, 'a').params[0].pattern), {
        kind: 'object',
        props: [{ key: 'limit', target: name('limit'), default: { kind: 'const', value: 10 } }],
      });
      assert.deepEqual(shape(fn(m, 'b').params), [{ name: 'q', index: 0 }]);
    });

    it('constructor parameter properties become class fields', function () {
      const m = lower('class S { constructor(private readonly db: Db, plain: number) {} }');
      assert.deepEqual(
        m.classes[0].fields.map((f) => f.name),
        ['db'],
      );
      assert.deepEqual(
        fn(m, 'S.constructor').params.map((p) => p.name),
        ['db', 'plain'],
      );
    });
  });

  describe('statements', function () {
    it('declarations: one AssignStmt per declarator; `let x;` has an empty unknown value', function () {
      const m = lower('const a = 1, b = a;\nlet c: string;');
      assert.deepEqual(shape(m.body), [
        { kind: 'assign', targets: [name('a')], value: { kind: 'const', value: 1 }, declaration: true },
        { kind: 'assign', targets: [name('b')], value: name('a'), declaration: true },
        { kind: 'assign', targets: [name('c')], value: { kind: 'unknown', children: [] }, declaration: true },
      ]);
    });

    it('assignments to names, attributes, indexes and patterns; chains; augmented', function () {
      const m = lower('a = b;\nthis.c = d;\ne[i] = f;\n[g, h] = t;\n({ k, l: mm } = o);\np = q = r;\ns += 1;\nu ??= v;');
      assert.deepEqual(shape(m.body), [
        { kind: 'assign', targets: [name('a')], value: name('b') },
        { kind: 'assign', targets: [{ kind: 'attr', obj: name('this'), name: 'c' }], value: name('d') },
        { kind: 'assign', targets: [{ kind: 'index', obj: name('e'), index: name('i') }], value: name('f') },
        { kind: 'assign', targets: [{ kind: 'tuple', items: [name('g'), name('h')] }], value: name('t') },
        {
          kind: 'assign',
          targets: [{ kind: 'object', props: [{ key: 'k', target: name('k') }, { key: 'l', target: name('mm') }] }],
          value: name('o'),
        },
        { kind: 'assign', targets: [name('p'), name('q')], value: name('r') },
        { kind: 'assign', targets: [name('s')], value: { kind: 'const', value: 1 }, augmented: true },
        { kind: 'assign', targets: [name('u')], value: name('v'), augmented: true },
      ]);
    });

    it('expression statements, return, throw, process.exit', function () {
      const m = lower("log(x);\nfunction f() { return; }\nfunction g() { throw new Error('no'); }\nprocess.exit(1);");
      assert.deepEqual(shape(m.body[0]), { kind: 'expr', expr: { kind: 'call', callee: name('log'), args: [{ value: name('x') }] } });
      assert.deepEqual(shape(fn(m, 'f').body), [{ kind: 'return' }]);
      assert.deepEqual(shape(fn(m, 'g').body), [
        { kind: 'raise', value: { kind: 'call', callee: name('Error'), args: [{ value: str('no', "'no'") }], isNew: true } },
      ]);
      const exit = m.body[3] as RaiseStmt;
      assert.equal(exit.kind, 'raise');
      assert.equal(exit.value?.kind, 'call');
    });

    it('if / else if / else nests the else-if inside else', function () {
      const m = lower('if (a) b(); else if (c) { d(); } else { e(); }');
      assert.deepEqual(shape(m.body), [
        {
          kind: 'if',
          test: name('a'),
          then: [{ kind: 'expr', expr: { kind: 'call', callee: name('b'), args: [] } }],
          else: [
            {
              kind: 'if',
              test: name('c'),
              then: [{ kind: 'expr', expr: { kind: 'call', callee: name('d'), args: [] } }],
              else: [{ kind: 'expr', expr: { kind: 'call', callee: name('e'), args: [] } }],
            },
          ],
        },
      ]);
    });

    it('loops: for, for-of, for-in, while, do', function () {
      const m = lower('for (let i = 0; i < n; i++) go(i);\nfor (const [k, v] of Object.entries(o)) use(v);\nfor (key in obj) {}\nwhile (more) step();\ndo { step(); } while (again);');
      assert.deepEqual(shape(m.body[0]), { kind: 'assign', targets: [name('i')], value: { kind: 'const', value: 0 }, declaration: true });
      const f = m.body[1] as LoopStmt;
      assert.equal(f.kind, 'loop');
      assert.deepEqual(shape(f.test), { kind: 'compare', op: '<', left: name('i'), right: name('n') });
      assert.equal(f.body.length, 2, 'body then the increment');
      const forOf = m.body[2] as LoopStmt;
      assert.deepEqual(shape(forOf.target), { kind: 'tuple', items: [name('k'), name('v')] });
      assert.deepEqual(shape(forOf.iter), { kind: 'call', callee: { kind: 'attr', obj: name('Object'), name: 'entries' }, args: [{ value: name('o') }] });
      assert.deepEqual(shape((m.body[3] as LoopStmt).target), name('key'));
      assert.deepEqual(shape((m.body[3] as LoopStmt).iter), name('obj'));
      assert.deepEqual(shape((m.body[4] as LoopStmt).test), name('more'));
      assert.deepEqual(shape((m.body[5] as LoopStmt).test), name('again'));
      assert.equal((m.body[5] as LoopStmt).body.length, 1);
    });

    it('try / catch / finally', function () {
      const m = lower('try { a(); } catch (err) { b(err); } finally { c(); }\ntry { a(); } catch { b(); }');
      const t = m.body[0] as TryStmt;
      assert.equal(t.kind, 'try');
      assert.equal(t.body.length, 1);
      assert.equal(t.handlers.length, 1);
      assert.equal(t.handlers[0].name, 'err');
      assert.equal(t.handlers[0].body.length, 1);
      assert.deepEqual(t.else, []);
      assert.equal(t.finally.length, 1);
      const t2 = m.body[1] as TryStmt;
      assert.equal(t2.handlers[0].name, undefined);
      assert.deepEqual(t2.finally, []);
    });

    it('switch becomes an if chain on ===, empty cases joined with or, default last', function () {
      const m = lower("switch (op) {\n  default: none();\n  case 'a':\n  case 'b': first(); break;\n  case 'c': { second(); break; }\n}");
      const cmp = (v: string) => ({ kind: 'compare', op: '===', left: name('op'), right: str(v, `'${v}'`) });
      const call = (f: string) => ({ kind: 'expr', expr: { kind: 'call', callee: name(f), args: [] } });
      assert.deepEqual(shape(m.body), [
        {
          kind: 'if',
          test: { kind: 'bool', op: 'or', left: cmp('a'), right: cmp('b') },
          then: [call('first')],
          else: [{ kind: 'if', test: cmp('c'), then: [call('second')], else: [call('none')] }],
        },
      ]);
    });

    it('break and continue; labels, blocks and export wrappers are flattened; empty statements dropped', function () {
      const m = lower('outer: for (;;) { if (a) break; continue; }\n{ inner(); };;\nexport const k = 1;\nexport { k as other };');
      const loop = m.body[0] as LoopStmt;
      assert.equal(loop.kind, 'loop');
      assert.equal(loop.test, undefined);
      assert.deepEqual(shape(loop.body), [{ kind: 'if', test: name('a'), then: [{ kind: 'break' }], else: [] }, { kind: 'break' }]);
      assert.deepEqual(
        m.body.map((s) => s.kind),
        ['loop', 'expr', 'assign', 'assign'],
      );
      // `export { k as other }` binds the exported name, which importers look up
      assert.deepEqual(shape(m.body[3]), { kind: 'assign', targets: [{ kind: 'name', id: 'other' }], value: name('k') });
      const k = m.body[2] as AssignStmt;
      assert.equal(k.declaration, true);
      assert.deepEqual(k.span.start, at(2, 0), 'the statement span includes `export`');
    });

    it('export default: expressions, anonymous and named declarations', function () {
      const a = lower('export default tool({});');
      assert.deepEqual(shape(a.body), [{ kind: 'assign', targets: [name('default')], value: { kind: 'call', callee: name('tool'), args: [{ value: { kind: 'dict', entries: [] } }] } }]);
      const b = lower('export default async function () {}');
      assert.deepEqual(shape(b.body), [{ kind: 'assign', targets: [name('default')], value: { kind: 'func', fn: 'default' } }]);
      const c = lower('export default function main() {}');
      assert.deepEqual(shape(c.body), [
        { kind: 'funcdecl', fn: 'main' },
        { kind: 'assign', targets: [name('default')], value: name('main') },
      ]);
    });

    it('class declarations and expressions: bases, methods, fields with initialisers', function () {
      const m = lower("class Fetch extends StructuredTool {\n  name = 'fetch';\n  static description: string;\n  async _call(input: string) { return input; }\n}\nconst Anon = class extends mixin(A, B) { go() {} };");
      const decl = m.body[0] as ClassDeclStmt;
      assert.equal(decl.kind, 'classdecl');
      assert.equal(decl.cls, m.classes[0]);
      assert.deepEqual(shape(m.classes[0]), {
        name: 'Fetch',
        bases: [name('StructuredTool')],
        decorators: [],
        methods: ['Fetch._call'],
        fields: [{ name: 'name', value: str('fetch', "'fetch'") }, { name: 'description' }],
      });
      assert.deepEqual(
        m.body.map((s) => s.kind),
        ['classdecl', 'classdecl', 'assign'],
      );
      assert.equal(m.classes[1].name, 'Anon');
      assert.deepEqual(m.classes[1].methods, ['Anon.go']);
      assert.deepEqual(shape(m.classes[1].bases), [{ kind: 'call', callee: name('mixin'), args: [{ value: name('A') }, { value: name('B') }] }]);
      assert.deepEqual(shape((m.body[2] as AssignStmt).value), name('Anon'));
    });

    it('namespaces are lowered; type-only declarations dropped', function () {
      const m = lower('type T = string;\ninterface I { a: T }\ndeclare const g: number;\nenum E { A }\nnamespace N { export function inside() {} }');
      assert.deepEqual(shape(m.body), [{ kind: 'funcdecl', fn: 'inside' }]);
    });

    it('nested assignments run before their statement', function () {
      const m = lower('while ((match = re.exec(s))) use(match);');
      assert.deepEqual(shape(m.body[0]), {
        kind: 'assign',
        targets: [name('match')],
        value: { kind: 'call', callee: { kind: 'attr', obj: name('re'), name: 'exec' }, args: [{ value: name('s') }] },
      });
      assert.equal(m.body[1].kind, 'loop');
    });

    it('every statement has a span', function () {
      const code = 'if (a) {\n  b = 1;\n}\nreturn_ish();';
      const m = lower(code);
      assert.deepEqual(m.body[0].span, { start: at(0, 0), end: at(2, 1) });
      assert.deepEqual((m.body[0] as IfStmt).then[0].span, { start: at(1, 2), end: at(1, 8) });
    });
  });

  describe('expressions', function () {
    it('names, this, super', function () {
      const m = lower('class A extends B { m() { return [this, super.x, y]; } }');
      const r = fn(m, 'A.m').body[0] as ReturnStmt;
      assert.deepEqual(shape(r.value), { kind: 'list', items: [name('this'), { kind: 'attr', obj: name('super'), name: 'x' }, name('y')] });
    });

    it('string literals are unescaped and keep their source', function () {
      assert.deepEqual(shape(valueOf("'it\\'s\\n\\x41\\u0042\\u{1F600}'")), str("it's\nAB😀", "'it\\'s\\n\\x41\\u0042\\u{1F600}'"));
      assert.deepEqual(shape(valueOf('"plain"')), str('plain', '"plain"'));
      assert.deepEqual(shape(valueOf('""')), str('', '""'));
    });

    it('template strings: plain → StrExpr, with substitutions → FmtExpr in order', function () {
      assert.deepEqual(shape(valueOf('`https://api.example.com/v1`')), str('https://api.example.com/v1', '`https://api.example.com/v1`'));
      assert.deepEqual(shape(valueOf('`https://${host}/a\\n${q.id}`')), {
        kind: 'fmt',
        parts: [str('https://'), name('host'), str('/a\n'), { kind: 'attr', obj: name('q'), name: 'id' }],
      });
      const code = 'x = `a${b}`;';
      const fmt = valueOf('`a${b}`') as { parts: Expr[] };
      assert.equal(spanText(code, fmt.parts[0].span), 'a');
      assert.equal(spanText(code, fmt.parts[1].span), 'b');
    });

    it('numbers, booleans, null and undefined are constants', function () {
      const m = lower('x = [1.5, 0x10, 1_000, 10n, true, false, null, undefined];');
      assert.deepEqual(shape((m.body[0] as AssignStmt).value), {
        kind: 'list',
        items: [1.5, 16, 1000, 10, true, false, null, null].map((value) => ({ kind: 'const', value })),
      });
    });

    it('member access, optional chaining, private names, subscripts', function () {
      assert.deepEqual(shape(valueOf('a.b?.c')), { kind: 'attr', obj: { kind: 'attr', obj: name('a'), name: 'b' }, name: 'c', optional: true });
      assert.deepEqual(shape(valueOf('this.#key')), { kind: 'attr', obj: name('this'), name: '#key' });
      assert.deepEqual(shape(valueOf("process.env['KEY']")), {
        kind: 'index',
        obj: { kind: 'attr', obj: name('process'), name: 'env' },
        index: str('KEY', "'KEY'"),
      });
    });

    it('calls: spread arguments, argsSpan, new with and without arguments', function () {
      const code = 'x = f(a, ...rest);';
      const c = valueOf('f(a, ...rest)') as CallExpr;
      assert.deepEqual(shape(c), { kind: 'call', callee: name('f'), args: [{ value: name('a') }, { value: name('rest'), spread: 'spread' }] });
      assert.equal(spanText(code, c.argsSpan), '(a, ...rest)');
      assert.deepEqual(shape(valueOf('new URL(u, base)')), { kind: 'call', callee: name('URL'), args: [{ value: name('u') }, { value: name('base') }], isNew: true });
      const bare = valueOf('new Pool') as CallExpr;
      assert.deepEqual(shape(bare), { kind: 'call', callee: name('Pool'), args: [], isNew: true });
      assert.deepEqual(bare.argsSpan, { start: at(0, 12), end: at(0, 12) });
    });

    it('tagged templates are calls with one FmtExpr argument', function () {
      assert.deepEqual(shape(valueOf('sql`select * from t where id = ${id}`')), {
        kind: 'call',
        callee: name('sql'),
        args: [{ value: { kind: 'fmt', parts: [str('select * from t where id = '), name('id')] } }],
        taggedTemplate: true,
      });
      assert.deepEqual(shape(valueOf('db.raw`now()`')), {
        kind: 'call',
        callee: { kind: 'attr', obj: name('db'), name: 'raw' },
        args: [{ value: { kind: 'fmt', parts: [str('now()')] } }],
        taggedTemplate: true,
      });
    });

    it('await, parentheses, as, satisfies, non-null and <T> casts pass the value through', function () {
      const m = lower('x = [await p, (q), r as any, s satisfies T, t!, <U>u];');
      assert.deepEqual(shape((m.body[0] as AssignStmt).value), { kind: 'list', items: ['p', 'q', 'r', 's', 't', 'u'].map(name) });
      assert.deepEqual(shape(valueOf('a<string>(b)')), { kind: 'call', callee: name('a'), args: [{ value: name('b') }] });
    });

    it('binary, comparison, boolean, not, conditional', function () {
      assert.deepEqual(shape(valueOf('a + b * c')), { kind: 'bin', op: '+', left: name('a'), right: { kind: 'bin', op: '*', left: name('b'), right: name('c') } });
      assert.deepEqual(shape(valueOf('a ?? b')), { kind: 'bin', op: '??', left: name('a'), right: name('b') });
      assert.deepEqual(shape(valueOf('a | b')), { kind: 'bin', op: '|', left: name('a'), right: name('b') });
      for (const op of ['==', '===', '!=', '!==', '<', '>', '<=', '>=', 'in', 'instanceof']) {
        assert.deepEqual(shape(valueOf(`a ${op} b`)), { kind: 'compare', op, left: name('a'), right: name('b') }, op);
      }
      assert.deepEqual(shape(valueOf('a && !b || c')), {
        kind: 'bool',
        op: 'or',
        left: { kind: 'bool', op: 'and', left: name('a'), right: { kind: 'not', operand: name('b') } },
        right: name('c'),
      });
      assert.deepEqual(shape(valueOf('ok ? a : b')), { kind: 'cond', test: name('ok'), then: name('a'), else: name('b') });
    });

    it('object literals: keys, shorthand, computed, spread, methods', function () {
      const d = valueOf("{ a: 1, 'b-c': 2, 3: x, [k]: y, short, ...base, run() {} }") as DictExpr;
      assert.deepEqual(shape(d), {
        kind: 'dict',
        entries: [
          { key: 'a', value: { kind: 'const', value: 1 } },
          { key: 'b-c', value: { kind: 'const', value: 2 } },
          { key: '3', value: name('x') },
          { keyExpr: name('k'), value: name('y') },
          { key: 'short', value: name('short') },
          { value: name('base'), spread: true },
          { key: 'run', value: { kind: 'func', fn: 'run' } },
        ],
      });
    });

    it('arrays with spreads; regex literals; leftovers stay unknown with their sub-expressions', function () {
      assert.deepEqual(shape(valueOf('[a, ...b]')), { kind: 'list', items: [name('a'), name('b')] });
      assert.deepEqual(shape(valueOf('/^https:\\/\\//i')), str('^https:\\/\\/', '/^https:\\/\\//i'));
      assert.deepEqual(shape(valueOf('typeof a')), { kind: 'unknown', children: [name('a')], text: 'typeof' });
      assert.deepEqual(shape(valueOf('void a')), { kind: 'unknown', children: [name('a')], text: 'void' });
      assert.deepEqual(shape(valueOf('-a')), { kind: 'unknown', children: [name('a')], text: '-' });
      assert.deepEqual(shape(valueOf('a++')), { kind: 'unknown', children: [name('a')] });
      const m = lower('function* g() { yield q; }');
      assert.deepEqual(shape(fn(m, 'g').body), [{ kind: 'expr', expr: { kind: 'unknown', children: [name('q')] } }]);
    });

    it('sequences: the last item is the value, the others run first', function () {
      const m = lower('x = (a(), b);');
      assert.deepEqual(shape(m.body), [
        { kind: 'expr', expr: { kind: 'call', callee: name('a'), args: [] } },
        { kind: 'assign', targets: [name('x')], value: name('b') },
      ]);
      const s = lower('a = 1, b(a);');
      assert.deepEqual(
        s.body.map((x) => x.kind),
        ['assign', 'expr'],
      );
    });

    it('JSX keeps the expressions inside it', function () {
      const m = lower('const el = <a href={url} onClick={() => go(id)}>{label}</a>;', 'view.jsx');
      const v = (m.body[0] as AssignStmt).value;
      assert.equal(v.kind, 'unknown');
      const kids = v.kind === 'unknown' ? v.children : [];
      assert.ok(kids.some((k) => k.kind === 'name' && k.id === 'url'));
      assert.ok(kids.some((k) => k.kind === 'name' && k.id === 'label'));
      assert.ok(kids.some((k) => k.kind === 'func'));
      assert.equal(m.syntaxErrors, 0);
      assert.equal(m.language, 'javascript');
    });
  });

  describe('agent framework shapes', function () {
    it('Vercel AI SDK tool({ execute })', function () {
      const code = [
        "import { tool } from 'ai';",
        "import { z } from 'zod';",
        'export const fetchPage = tool({',
        "  description: 'Download a page',",
        '  inputSchema: z.object({ url: z.string().url() }),',
        '  execute: async ({ url }) => {',
        '    const res = await fetch(url);',
        '    return { status: res.status, body: await res.text() };',
        '  },',
        '});',
      ].join('\n');
      const m = lower(code);
      const a = m.body[2] as AssignStmt;
      assert.deepEqual(shape(a.targets), [name('fetchPage')]);
      assert.deepEqual(a.span.start, at(2, 0));
      const call = a.value as CallExpr;
      assert.deepEqual(shape(call.callee), name('tool'));
      const opts = call.args[0].value as DictExpr;
      assert.deepEqual(
        opts.entries.map((e) => e.key),
        ['description', 'inputSchema', 'execute'],
      );
      const ex = fn(m, 'execute');
      assert.equal(opts.entries[2].value.kind === 'func' && opts.entries[2].value.fn, ex);
      assert.equal(spanText(code, ex.nameSpan), 'execute');
      assert.deepEqual(shape(ex.params[0].pattern), { kind: 'object', props: [{ key: 'url', target: name('url') }] });
      assert.deepEqual(shape(ex.body[0]), {
        kind: 'assign',
        targets: [name('res')],
        value: { kind: 'call', callee: name('fetch'), args: [{ value: name('url') }] },
        declaration: true,
      });
      assert.deepEqual(ex.bodyStart, at(6, 4));
      assert.equal(ex.bodyIndent, '    ');
    });

    it('LangChain.js tool(fn, { name, schema })', function () {
      const m = lower(
        "const search = tool(\n  async ({ query }) => db.query(`SELECT * FROM t WHERE q = '${query}'`),\n  { name: 'search', description: 'Search', schema: z.object({ query: z.string() }) },\n);",
      );
      const call = (m.body[0] as AssignStmt).value as CallExpr;
      assert.equal(call.args.length, 2);
      const handler = call.args[0].value;
      assert.equal(handler.kind, 'func');
      if (handler.kind !== 'func') return;
      assert.equal(handler.fn.id, '<anonymous>@2:3');
      assert.equal(handler.fn.exprBody, true);
      assert.deepEqual(shape(handler.fn.body), [
        {
          kind: 'return',
          value: {
            kind: 'call',
            callee: { kind: 'attr', obj: name('db'), name: 'query' },
            args: [{ value: { kind: 'fmt', parts: [str('SELECT * FROM t WHERE q = \''), name('query'), str("'")] } }],
          },
        },
      ]);
      assert.deepEqual((call.args[1].value as DictExpr).entries.map((e) => e.key), ['name', 'description', 'schema']);
    });

    it('MCP server.registerTool, server.tool and setRequestHandler', function () {
      const m = lower(
        [
          "server.registerTool('read_file', { inputSchema: { path: z.string() } }, async ({ path: requested }) => {",
          "  const text = await fs.readFile(requested, 'utf8');",
          "  return { content: [{ type: 'text', text }] };",
          '});',
          "server.tool('list', { dir: z.string() }, async ({ dir }) => ({ content: await fs.readdir(dir) }));",
          'server.setRequestHandler(CallToolRequestSchema, async (request) => {',
          '  const { name, arguments: args } = request.params;',
          '  return run(name, args);',
          '});',
        ].join('\n'),
      );
      assert.equal(m.body.length, 3);
      const reg = (m.body[0] as ExprStmt).expr as CallExpr;
      assert.deepEqual(shape(reg.callee), { kind: 'attr', obj: name('server'), name: 'registerTool' });
      assert.deepEqual(shape(reg.args[0].value), str('read_file', "'read_file'"));
      const h = reg.args[2].value;
      assert.equal(h.kind, 'func');
      if (h.kind !== 'func') return;
      assert.deepEqual(shape(h.fn.params[0].pattern), { kind: 'object', props: [{ key: 'path', target: name('requested') }] });
      assert.equal(h.fn.body.length, 2);
      const list = ((m.body[1] as ExprStmt).expr as CallExpr).args[2].value;
      assert.equal(list.kind === 'func' && list.fn.exprBody, true);
      const rh = ((m.body[2] as ExprStmt).expr as CallExpr).args[1].value;
      assert.equal(rh.kind === 'func' && rh.fn.params[0].name, 'request');
      assert.deepEqual(shape(rh.kind === 'func' && rh.fn.body[0]), {
        kind: 'assign',
        targets: [{ kind: 'object', props: [{ key: 'name', target: name('name') }, { key: 'arguments', target: name('args') }] }],
        value: { kind: 'attr', obj: name('request'), name: 'params' },
        declaration: true,
      });
    });

    it('Mastra createTool({ id, execute })', function () {
      const m = lower(
        "export const charge = createTool({\n  id: 'charge',\n  inputSchema: z.object({ amount: z.number() }),\n  execute: async ({ context }) => stripe.charges.create({ amount: context.amount }),\n});",
      );
      const ex = fn(m, 'execute');
      assert.deepEqual(shape(ex.params[0].pattern), { kind: 'object', props: [{ key: 'context', target: name('context') }] });
      assert.equal(ex.exprBody, true);
    });

    it('class X extends StructuredTool { async _call(input) }', function () {
      const m = lower(
        "import { StructuredTool } from '@langchain/core/tools';\nexport class ShellTool extends StructuredTool {\n  name = 'shell';\n  schema = z.object({ cmd: z.string() });\n  async _call(input: { cmd: string }) {\n    return execSync(input.cmd).toString();\n  }\n}",
      );
      const c = m.classes[0];
      assert.deepEqual(shape(c.bases), [name('StructuredTool')]);
      assert.deepEqual(c.methods, ['ShellTool._call']);
      assert.deepEqual(
        c.fields.map((f) => f.name),
        ['name', 'schema'],
      );
      const call = fn(m, 'ShellTool._call');
      assert.deepEqual(shape(call.params), [{ name: 'input', index: 0, annotation: '{ cmd: string }' }]);
      assert.equal(call.className, 'ShellTool');
    });

    it('CommonJS: require, module.exports and exports.x = function', function () {
      const m = lower("const { readFile } = require('fs');\nexports.load = function (p) { return readFile(p); };\nmodule.exports = { load: exports.load };", 'tools.cjs');
      assert.deepEqual(
        m.imports.map((b) => [b.local, b.module, b.name]),
        [['readFile', 'fs', 'readFile']],
      );
      assert.equal(fn(m, 'load').params[0].name, 'p');
      assert.equal(m.language, 'javascript');
    });
  });

  it('walking the tree through the WASM exports gives the same model as the JS cursor', function () {
    const samples = [
      "import { tool } from 'ai';\n// c1\nexport const t = tool({ execute: async ({ url }) => { /* c2 */ return fetch(`${url}/x`); } });",
      'class A extends B { @d() m(a = 1, ...r) { try { x(); } catch (e) { throw e; } } }\nswitch (k) { case 1: f(); default: g(); }',
      'const el = <div onClick={() => go(a)}>{b}</div>;',
      'export const broken = tool({ execute: async ({ url }) => { const r = await fetch(url);\n if (',
      'x = ' + '('.repeat(600) + 'deep' + ')'.repeat(600) + ';',
      '}}}} const a = f(1;',
    ];
    const dump = (m: Module) => JSON.stringify({ ...m, functions: [...m.functions.entries()] });
    try {
      for (const [i, code] of samples.entries()) {
        const file = i === 2 ? 'a.tsx' : 'a.ts';
        testHooks.direct = true;
        const direct = dump(lower(code, file));
        assert.equal(testHooks.used, 'direct');
        testHooks.direct = false;
        assert.equal(dump(lower(code, file)), direct, code);
        assert.equal(testHooks.used, 'wrapper');
      }
    } finally {
      testHooks.direct = true;
    }
  });

  describe('broken and pathological input', function () {
    it('a file cut in half lowers what parsed and counts the errors', function () {
      const full = [
        "import { tool } from 'ai';",
        "const helper = (u: string) => fetch(u);",
        'export const a = tool({',
        '  execute: async ({ url }) => {',
        '    const res = await helper(url);',
        '    return res.json();',
        '  },',
        '});',
      ].join('\n');
      const m = lower(full.slice(0, full.indexOf('return res')));
      assert.ok(m.syntaxErrors > 0);
      assert.ok(m.firstError);
      assert.deepEqual(m.imports.map((b) => b.local), ['tool']);
      assert.ok(m.functions.has('helper'));
    });

    it('stray closing braces', function () {
      const m = lower('}}}}');
      assert.ok(m.syntaxErrors > 0);
      assert.deepEqual(m.firstError, at(0, 0));
      assert.deepEqual(m.body, []);
    });

    it('a missing token is counted too', function () {
      const m = lower('const a = f(1;\nconst b = 2;');
      assert.ok(m.syntaxErrors > 0);
      assert.ok(m.body.some((s) => s.kind === 'assign' && s.targets[0].kind === 'name' && s.targets[0].id === 'b'));
    });

    it('10,000 nested parentheses do not overflow the stack and keep the name inside', function () {
      const m = lower(`x = ${'('.repeat(10000)}secret${')'.repeat(10000)};\nafter();`);
      assert.equal(m.body.length, 2);
      const v = (m.body[0] as AssignStmt).value;
      const names: string[] = [];
      const walk = (e: Expr) => {
        if (e.kind === 'name') names.push(e.id);
        if (e.kind === 'unknown') e.children.forEach(walk);
      };
      walk(v);
      assert.deepEqual(names, ['secret']);
    });

    it('deeply nested statements and long operator chains', function () {
      const ifs = lower(`${'if (a) {'.repeat(3000)}f(x)${'}'.repeat(3000)}`);
      assert.equal(ifs.body.length, 1);
      const chain = lower(`x = ${Array.from({ length: 20000 }, (_, i) => `v${i}`).join(' + ')};`);
      assert.equal(chain.body.length, 1);
      const unclosed = lower(`x = ${'('.repeat(10000)}a;`);
      assert.ok(unclosed.syntaxErrors > 0);
    });

    it('a 1 MB minified one-line bundle lowers without throwing', function () {
      const parts: string[] = [];
      let size = 0;
      for (let i = 0; size < 1_000_000; i++) {
        const p = `var a${i}=function(e,t){return e&&e.x?t(e,"k${i}"):fetch("https://h/"+e)},b${i}=async({u:n,...r})=>{try{const o=await a${i}(n,r);return o.ok?o:null}catch(s){throw s}finally{c${i}++}},c${i}=class extends X{m(){return this.#p?.q[${i}]??\`t\${n}\`}};`;
        parts.push(p);
        size += p.length;
      }
      const code = parts.join('');
      assert.ok(code.length >= 1_000_000 && !code.includes('\n'));
      const m = lower(code, 'bundle.min.js');
      assert.equal(m.syntaxErrors, 0);
      assert.ok(m.functions.size >= parts.length * 3);
      assert.equal(fn(m, 'b0').params[0].name, '$arg0');
      assert.equal(fn(m, 'b0').bodyIndent, '  ');
    });

    it('prefixes and 500 corruptions of an agent module lower without an internal error', function () {
      const code = [
        "import { tool } from 'ai';",
        "import fs from 'node:fs/promises';",
        'const { execSync } = require("child_process");',
        '@Injectable() export class Files extends Base {',
        '  private root = process.env.ROOT ?? "/data";',
        '  async read({ path: p, ...o }: { path: string }, [a, , b] = [], ...rest) {',
        '    for (const [k, v] of Object.entries(o)) if (k in this) continue; else break;',
        '    switch (p) { case "a": case `b${a}`: return await fs.readFile(p, "utf8"); default: throw new Error(`no ${p}`); }',
        '  }',
        '}',
        'export const run = tool({',
        '  execute: async ({ cmd }) => { try { return execSync(cmd).toString(); } catch (e) { process.exit(1); } finally { log?.(cmd as string); } },',
        '});',
        'export default { handler: (req, res) => res.send(<div>{req.query.q}</div>), x: /re[a-z]/g, y: a ? b : !c || d && e ?? f };',
      ].join('\n');
      let seed = 7;
      const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
      const variants: string[] = [];
      for (let cut = 0; cut <= code.length; cut += 4) variants.push(code.slice(0, cut));
      const junk = ['{', '}', '(', ')', '=>', '`', "'", '"', ';', ',', '/*', '<', 'async ', '...', '${', '\n', ' '];
      for (let i = 0; i < 500; i++) {
        const at = rand(code.length);
        const cutLen = rand(6);
        variants.push(code.slice(0, at) + junk[rand(junk.length)] + code.slice(at + cutLen));
      }
      const before = testHooks.internalErrors;
      for (const v of variants) for (const file of ['a.ts', 'a.tsx']) lower(v, file);
      assert.equal(testHooks.internalErrors - before, 0);
    });

    it('never throws on arbitrary fragments', function () {
      const samples = ['', ' ', 'class', 'function (', '=> =>', 'import', 'export default', '`${', "'unterminated", 'a?.b?.(', '<div>', '@dec', 'for (const of', 'switch (x) { case', 'x = {a: 1,, b}', 'async', '#!/usr/bin/env node\nrun();'];
      for (const s of samples) for (const file of ['a.ts', 'a.tsx', 'a.js']) assert.doesNotThrow(() => lower(s, file), `${file}: ${s}`);
      assert.deepEqual(lower('#!/usr/bin/env node\nrun();', 'a.js').body.length, 1);
    });
  });
});
