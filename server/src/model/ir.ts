// The language-neutral agent model. Each front-end (parse/python.ts, parse/typescript.ts) lowers a
// tree-sitter tree into these shapes; everything after the front-end (tool recognition, taint, guards,
// findings) reads only this model, never the syntax tree.

export type Language = 'python' | 'typescript' | 'javascript';

/** Zero-based line and UTF-16 column, as LSP uses; byte offsets are not kept. */
export interface Pos {
  line: number;
  col: number;
}
export interface Span {
  start: Pos;
  end: Pos;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | NameExpr
  | StrExpr
  | ConstExpr
  | FmtExpr
  | AttrExpr
  | IndexExpr
  | CallExpr
  | ListExpr
  | DictExpr
  | FuncExpr
  | BinExpr
  | CompareExpr
  | BoolExpr
  | NotExpr
  | CondExpr
  | UnknownExpr;

interface ExprBase {
  span: Span;
}

/** A variable reference. `this`/`self` are names too. */
export interface NameExpr extends ExprBase {
  kind: 'name';
  id: string;
}
/** A string literal whose value is fully known (quotes removed, escapes best effort). */
export interface StrExpr extends ExprBase {
  kind: 'str';
  value: string;
  /** Python bytes literal, JS regex literal etc. still count as str; `raw` is the source text. */
  raw?: string;
}
/** Any other literal: numbers, booleans, None/null/undefined. */
export interface ConstExpr extends ExprBase {
  kind: 'const';
  value: number | boolean | null;
}
/** f-string, template literal, "%" formatting, str.format: literal parts are StrExpr. */
export interface FmtExpr extends ExprBase {
  kind: 'fmt';
  parts: Expr[];
}
export interface AttrExpr extends ExprBase {
  kind: 'attr';
  obj: Expr;
  name: string;
  /** `a?.b` */
  optional?: boolean;
}
export interface IndexExpr extends ExprBase {
  kind: 'index';
  obj: Expr;
  index: Expr;
}
export interface Arg {
  /** Keyword argument name (Python `f(x=1)`); undefined for positional. */
  name?: string;
  value: Expr;
  /** `*args` / `...args` (spread) or `**kwargs` (kwspread). */
  spread?: 'spread' | 'kwspread';
  span: Span;
}
export interface CallExpr extends ExprBase {
  kind: 'call';
  callee: Expr;
  args: Arg[];
  /** `new X(...)` in JS. */
  isNew?: boolean;
  /** Span of the argument list including parentheses. */
  argsSpan: Span;
  /** JS tagged template `sql\`...${x}\``: one FmtExpr argument; libraries bind the values. */
  taggedTemplate?: boolean;
}
/** list, tuple, set, array literal; comprehensions and generators (element expr as single item). */
export interface ListExpr extends ExprBase {
  kind: 'list';
  items: Expr[];
  /** comprehension/generator/array.map etc: the iteration source, so taint flows. */
  comprehension?: boolean;
  /** Python comprehension clauses: each `for target in iter`, bound before the items are evaluated. */
  loops?: { target: Target; iter: Expr }[];
}
export interface DictEntry {
  /** Constant key when known (`"a": 1`, `{a: 1}`, shorthand `{a}`), else undefined. */
  key?: string;
  keyExpr?: Expr;
  value: Expr;
  /** `**d` (Python) or `...obj` (JS). */
  spread?: boolean;
  span: Span;
}
export interface DictExpr extends ExprBase {
  kind: 'dict';
  entries: DictEntry[];
}
/** A lambda / arrow / function expression; its body is a FunctionDef in Module.functions. */
export interface FuncExpr extends ExprBase {
  kind: 'func';
  fn: FunctionDef;
}
export interface BinExpr extends ExprBase {
  kind: 'bin';
  op: string; // '+', '/', '%', '*', '??', '|' ...
  left: Expr;
  right: Expr;
}
export interface CompareExpr extends ExprBase {
  kind: 'compare';
  /** '==', '!=', '===', '!==', '<', '>', '<=', '>=', 'in', 'not in', 'is', 'is not', 'instanceof' */
  op: string;
  left: Expr;
  right: Expr;
}
export interface BoolExpr extends ExprBase {
  kind: 'bool';
  op: 'and' | 'or';
  left: Expr;
  right: Expr;
}
export interface NotExpr extends ExprBase {
  kind: 'not';
  operand: Expr;
}
export interface CondExpr extends ExprBase {
  kind: 'cond';
  test: Expr;
  then: Expr;
  else: Expr;
}
/** Anything else: await/yield/typeof/unary/spread/as-casts are unwrapped by the front-end where
 * the value passes through; what is left keeps its sub-expressions so taint still flows. */
export interface UnknownExpr extends ExprBase {
  kind: 'unknown';
  children: Expr[];
  text?: string;
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | AssignStmt
  | ExprStmt
  | IfStmt
  | ReturnStmt
  | RaiseStmt
  | LoopStmt
  | TryStmt
  | WithStmt
  | BreakStmt
  | FuncDeclStmt
  | ClassDeclStmt
  | ImportStmt;

interface StmtBase {
  span: Span;
}

/** Assignment target: a name, attribute, index, or a destructuring pattern. */
export type Target =
  | { kind: 'name'; id: string; span: Span }
  | { kind: 'attr'; obj: Expr; name: string; span: Span }
  | { kind: 'index'; obj: Expr; index: Expr; span: Span }
  /** Python tuple unpacking `a, b = ...`, JS array pattern `[a, b] = ...` */
  | { kind: 'tuple'; items: Target[]; span: Span }
  /** JS object pattern `{a, b: c, ...rest} = ...`: key is the property read, target where it goes. */
  | { kind: 'object'; props: { key?: string; target: Target; rest?: boolean; default?: Expr }[]; span: Span };

export interface AssignStmt extends StmtBase {
  kind: 'assign';
  targets: Target[];
  value: Expr;
  /** `+=` etc.: the target keeps its old value mixed with the new. */
  augmented?: boolean;
  /** `const`/`let`/`var` declaration or Python annotated assignment. */
  declaration?: boolean;
}
export interface ExprStmt extends StmtBase {
  kind: 'expr';
  expr: Expr;
}
export interface IfStmt extends StmtBase {
  kind: 'if';
  test: Expr;
  then: Stmt[];
  else: Stmt[];
  /** `assert cond` is lowered to `if not cond: raise` with assert=true. */
  assert?: boolean;
}
export interface ReturnStmt extends StmtBase {
  kind: 'return';
  value?: Expr;
  /**
   * Python `yield x`: what a `with` over a `@contextmanager` (or a loop over a generator) receives. The
   * function goes on after it.
   */
  yield?: boolean;
}
/** raise / throw, and calls the front-end knows never return (sys.exit, process.exit) */
export interface RaiseStmt extends StmtBase {
  kind: 'raise';
  value?: Expr;
}
/** for / while / do: `target` receives elements of `iter` each iteration. */
export interface LoopStmt extends StmtBase {
  kind: 'loop';
  target?: Target;
  iter?: Expr;
  /** while-condition */
  test?: Expr;
  body: Stmt[];
  else: Stmt[];
}
export interface TryStmt extends StmtBase {
  kind: 'try';
  body: Stmt[];
  handlers: { name?: string; body: Stmt[]; span: Span }[];
  /** Python try/else */
  else: Stmt[];
  finally: Stmt[];
}
export interface WithStmt extends StmtBase {
  kind: 'with';
  items: { value: Expr; target?: Target }[];
  body: Stmt[];
}
/** break / continue: leave the current loop iteration. */
export interface BreakStmt extends StmtBase {
  kind: 'break';
}
/** A nested function or method declaration; the def itself is in Module.functions. */
export interface FuncDeclStmt extends StmtBase {
  kind: 'funcdecl';
  fn: FunctionDef;
}
export interface ClassDeclStmt extends StmtBase {
  kind: 'classdecl';
  cls: ClassDef;
}
/** Function-local imports (Python `import x` inside a def) are recorded here as well as in Module.imports. */
export interface ImportStmt extends StmtBase {
  kind: 'import';
  imports: ImportBinding[];
}

// ---------------------------------------------------------------- declarations

export interface Param {
  name: string;
  span: Span;
  /** Index in the parameter list (self/cls included). */
  index: number;
  /** Type annotation text, e.g. `str`, `Literal["a","b"]`, `RunContext[Deps]`. */
  annotation?: string;
  defaultValue?: Expr;
  /** `*args` / `...rest` */
  rest?: boolean;
  /** `**kwargs` */
  kwrest?: boolean;
  /** JS destructured parameter `({ url, path: p })`: the pattern; `name` is then a synthetic name. */
  pattern?: Target;
}

export interface Decorator {
  /** `@tool`, `@tool("x")`, `@mcp.tool()`, `@function_tool(needs_approval=True)`: the decorator expression. */
  expr: Expr;
  span: Span;
}

export interface FunctionDef {
  /** Declared name; for lambdas/arrows the name of the variable or property it is assigned to, if any. */
  name: string;
  /** Unique within the module: `name`, `Class.method`, or `<lambda>@line:col`. */
  id: string;
  span: Span;
  /** Span of the name identifier (or of the `def`/`function`/arrow head when anonymous). */
  nameSpan: Span;
  params: Param[];
  body: Stmt[];
  decorators: Decorator[];
  /** The enclosing class name for methods. */
  className?: string;
  isAsync?: boolean;
  /** Arrow function with an expression body: the body is `[return expr]`. */
  exprBody?: boolean;
  /** Column of the first body statement's indentation, and the body's first line (for quick fixes). */
  bodyIndent?: string;
  bodyStart?: Pos;
  /** Enclosing function id for nested defs. */
  parent?: string;
}

export interface ClassDef {
  name: string;
  span: Span;
  nameSpan: Span;
  /** Base class expressions (`BaseTool`, `crewai.tools.BaseTool`, `extends StructuredTool`). */
  bases: Expr[];
  decorators: Decorator[];
  /** Method ids, into Module.functions. */
  methods: string[];
  /** Class-level assignments (`name: str = "lookup"`, `needs_approval = True`, TS property initialisers). */
  fields: { name: string; value?: Expr; span: Span; annotation?: string }[];
}

/**
 * One imported binding: `local` is the name in this module; `module` the module specifier as written
 * (`requests`, `langchain_core.tools`, `.utils`, `node:fs`, `./helpers.js`); `name` the imported member
 * (`get`, `tool`, 'default' for JS default imports, '*' for namespace imports and for Python `import x`).
 * Python `import a.b` binds local `a` to module `a` with name '*'.
 */
export interface ImportBinding {
  local: string;
  module: string;
  name: string;
  span: Span;
}

export interface Module {
  path: string;
  language: Language;
  imports: ImportBinding[];
  /** Every function in the file, nested ones and lambdas/arrows included, keyed by FunctionDef.id. */
  functions: Map<string, FunctionDef>;
  classes: ClassDef[];
  /** Module-level statements (assignments of constants, tool registrations, `if __name__` blocks...). */
  body: Stmt[];
  /** Number of syntax-error nodes; the module holds whatever parsed. */
  syntaxErrors: number;
  /**
   * TypeScript interfaces and object type aliases: property → type text (`interface Deps { repo:
   * ChatRepository }`), so that a parameter typed by one knows what its properties hold.
   */
  types?: Map<string, Map<string, string>>;
  /** The first syntax error, for messages. */
  firstError?: Pos;
}
