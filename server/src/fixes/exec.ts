// exec: a shell string becomes an argument list run without a shell. A command built from a constant
// program (`f"grep -r '{p}' /var/log"`) keeps that program and passes the values as arguments; an opaque
// command line is split (`shlex.split` / a small splitter) and its program checked against ALLOWED_PROGRAMS.
// Calls that cannot be rewritten get the program check in place. Running model-written code (eval, exec,
// new Function, vm) has no safe rewrite: the fix refuses it.
import type { FixContext, Lines } from './context';
import { type Builder, calleeName, calleeOf, ensureAllowlist, guardLines, hoist, keywordArg, notIn, positionalArgs, refusal } from './common';
import * as py from './pymod';
import { encodePy, escTemplate, segmentsOf, singleDefinition, type Segment } from './strings';
import { namedChildren, type Node } from './syntax';
import * as ts from './tsmod';

/** Statements that refuse to go on, with a comment saying what to do instead. */
export function refuseLines(ctx: FixContext, why: string, message: string): Lines {
  const c = ctx.python ? '#' : '//';
  return [`${c} Agent Boundary: ${why}.`, `${c} Replace this with code that does only what the tool needs, then remove the ${ctx.python ? 'raise' : 'throw'}.`, refusal(ctx, message)];
}

function allowedPrograms(ctx: FixContext): string {
  return ensureAllowlist(ctx, 'ALLOWED_PROGRAMS', 'programs agent tools may run', 'git');
}

function splitter(ctx: FixContext): string {
  if (ctx.python) return `${py.moduleRef(ctx, 'shlex')}.split`;
  const t = ctx.typed;
  return ts.ensureFunction(ctx, 'splitCommandLine', [
    '/** Agent Boundary: splits a command line into words (quotes group words); no shell interprets it. */',
    `function splitCommandLine(command${t ? ': string' : ''})${t ? ': string[]' : ''} {`,
    `\tconst words${t ? ': string[]' : ''} = [];`,
    `\tconst pattern = /"([^"]*)"|'([^']*)'|(\\S+)/g;`,
    '\tfor (let m = pattern.exec(command); m; m = pattern.exec(command)) words.push(m[1] ?? m[2] ?? m[3]);',
    '\treturn words;',
    '}',
  ]);
}

function isTrue(n: Node | null | undefined): boolean {
  return !!n && (n.type === 'true' || n.text === 'True');
}

// ------------------------------------------------------------------ shell strings → argument lists

type Part = { lit: string } | { expr: string };
interface Word {
  parts: Part[];
  quoted: boolean;
}

/**
 * Splits a built command into words as a POSIX shell would, if it uses no shell syntax beyond quoting:
 * no pipes, redirections, substitutions, globs or escapes. Undefined otherwise.
 */
function shellWords(segments: Segment[]): Word[] | undefined {
  const words: Word[] = [];
  let cur: Word | undefined;
  let quote: "'" | '"' | undefined;
  const word = (): Word => (cur ??= { parts: [], quoted: false });
  const addLit = (c: string): void => {
    const w = word();
    const last = w.parts[w.parts.length - 1];
    if (last && 'lit' in last) last.lit += c;
    else w.parts.push({ lit: c });
  };
  for (const s of segments) {
    if ('expr' in s) {
      if (!s.plain) return undefined;
      const w = word();
      w.parts.push({ expr: s.expr.text });
      if (quote) w.quoted = true;
      continue;
    }
    for (const c of s.lit) {
      if (quote) {
        if (c === quote) quote = undefined;
        else if (quote === '"' && /[$`\\]/.test(c)) return undefined;
        else addLit(c);
        continue;
      }
      if (c === "'" || c === '"') {
        quote = c;
        word().quoted = true;
        continue;
      }
      if (c === ' ' || c === '\t') {
        if (cur) words.push(cur);
        cur = undefined;
        continue;
      }
      if (/[|&;<>()$`\\*?[\]{}~!#\n\r]/.test(c)) return undefined;
      addLit(c);
    }
  }
  if (quote) return undefined;
  if (cur) words.push(cur);
  return words;
}

/** Python / TS expression for one word; an unquoted lone interpolation is split like the shell would. */
function wordExpr(ctx: FixContext, w: Word): string {
  if (w.parts.length === 1 && 'expr' in w.parts[0]) {
    return w.quoted ? w.parts[0].expr : ctx.python ? `*${splitter(ctx)}(${w.parts[0].expr})` : `...${splitter(ctx)}(${w.parts[0].expr})`;
  }
  if (w.parts.every((p) => 'lit' in p)) return ctx.str(w.parts.map((p) => ('lit' in p ? p.lit : '')).join(''));
  if (ctx.python) {
    const q = ctx.quote;
    return `f${q}${w.parts.map((p) => ('lit' in p ? encodePy(p.lit, q, false).replace(/[{}]/g, '$&$&') : `{${p.expr}}`)).join('')}${q}`;
  }
  return `\`${w.parts.map((p) => ('lit' in p ? escTemplate(p.lit) : `\${${p.expr}}`)).join('')}\``;
}

interface Argv {
  /** Python: the list expression; TS: the program and the array of arguments. */
  program: string;
  args: string[];
  /** Statements to run first (the split and the allowlist check), empty for a constant program. */
  lines: Lines;
}

/** The argument list for a shell string: from its construction when the program is constant, else split and checked. */
function argvFor(ctx: FixContext, arg: Node): Argv {
  const source = segmentsOf(ctx, arg) ?? (singleDefinition(ctx, arg) ? segmentsOf(ctx, singleDefinition(ctx, arg)!) : undefined);
  const words = source && source.some((s) => 'expr' in s) ? shellWords(source) : undefined;
  if (words && words.length > 0 && words[0].parts.every((p) => 'lit' in p) && words.every((w) => w.parts.length > 0)) {
    return { program: wordExpr(ctx, words[0]), args: words.slice(1).map((w) => wordExpr(ctx, w)), lines: [] };
  }
  const allowed = allowedPrograms(ctx);
  const program = ctx.fresh('program');
  const rest = ctx.fresh(ctx.python ? 'program_args' : 'programArgs');
  const check = guardLines(ctx, notIn(ctx, program, allowed), refusal(ctx, 'program not allowed', program));
  const lines = ctx.python
    ? [`${program}, *${rest} = ${splitter(ctx)}(${arg.text})`, ...check]
    : [`const [${program} = ${ctx.str('')}, ...${rest}] = ${splitter(ctx)}(${arg.text});`, ...check];
  return { program, args: [ctx.python ? `*${rest}` : `...${rest}`], lines };
}

function list(argv: Argv): string {
  return `[${[argv.program, ...argv.args].join(', ')}]`;
}

/** Node: a TS array of the arguments (a lone spread is the array itself). */
function tsArgs(argv: Argv): string {
  return argv.args.length === 1 && argv.args[0].startsWith('...') && argv.lines.length > 0 ? argv.args[0].slice(3) : `[${argv.args.join(', ')}]`;
}

const PY_SUBPROCESS = new Set(['run', 'call', 'check_call', 'check_output', 'Popen']);

/** Python: `subprocess.*(cmd, shell=True)`, `os.system(cmd)`, `os.popen(cmd)` → an argument list, no shell. */
function pythonShell(ctx: FixContext, call: Node, arg: Node): string | undefined {
  const callee = calleeOf(call)?.text ?? '';
  const name = calleeName(callee);
  const args = positionalArgs(call);
  if (args[0]?.id !== arg.id) return undefined;
  const shell = keywordArg(call, 'shell');
  let kind: 'subprocess' | 'system' | 'popen';
  if (PY_SUBPROCESS.has(name) && isTrue(shell?.childForFieldName('value'))) kind = 'subprocess';
  else if (/(^|\.)system$/.test(callee) && args.length === 1) kind = 'system';
  else if (/(^|\.)popen$/.test(callee) && args.length === 1 && !keywordArg(call, 'mode')) kind = 'popen';
  else return undefined;
  const argv = argvFor(ctx, arg);
  const argList = list(argv);
  if (kind === 'subprocess') {
    ctx.edits.replace(arg.startIndex, arg.endIndex, argList);
    const value = shell!.childForFieldName('value')!;
    ctx.edits.replace(value.startIndex, value.endIndex, 'False');
  } else {
    const subprocess = py.moduleRef(ctx, 'subprocess');
    const replacement = kind === 'system' ? `${subprocess}.run(${argList}, check=False).returncode` : `${subprocess}.Popen(${argList}, stdout=${subprocess}.PIPE, text=True).stdout`;
    ctx.edits.replace(call.startIndex, call.endIndex, replacement);
  }
  if (argv.lines.length > 0 && !ctx.insertBefore(call, argv.lines)) return undefined;
  return argv.lines.length > 0 ? 'Run the command without a shell, its program checked against ALLOWED_PROGRAMS' : 'Run the command without a shell, as an argument list';
}

/** Node: `execSync(cmd, o)` / `exec(cmd, cb)` / `spawn(cmd, { shell: true })` → `execFileSync(p, args, o)` / `execFile` / `spawn(p, args, { shell: false })`. */
function nodeShell(ctx: FixContext, call: Node, arg: Node): string | undefined {
  const callee = calleeOf(call);
  if (!callee) return undefined;
  const name = calleeName(callee.text);
  const args = positionalArgs(call);
  if (args[0]?.id !== arg.id) return undefined;
  let target: string | undefined;
  let shellFlag: Node | undefined;
  if (name === 'execSync') target = 'execFileSync';
  else if (name === 'exec') target = 'execFile';
  else if ((name === 'spawn' || name === 'spawnSync') && args.length === 2 && args[1].type === 'object') {
    shellFlag = namedChildren(args[1]).find((p) => p.type === 'pair' && p.childForFieldName('key')?.text === 'shell')?.childForFieldName('value') ?? undefined;
    if (!shellFlag || shellFlag.type !== 'true') return undefined;
    target = name;
  }
  if (!target) return undefined;
  if (target !== name) {
    if (callee.type === 'member_expression') {
      const prop = callee.childForFieldName('property')!;
      ctx.edits.replace(prop.startIndex, prop.endIndex, target);
    } else if (callee.type === 'identifier') {
      ctx.edits.replace(callee.startIndex, callee.endIndex, ts.memberRef(ctx, 'node:child_process', target));
    } else {
      return undefined;
    }
  }
  if (shellFlag) ctx.edits.replace(shellFlag.startIndex, shellFlag.endIndex, 'false');
  const argv = argvFor(ctx, arg);
  ctx.edits.replace(arg.startIndex, arg.endIndex, `${argv.program}, ${tsArgs(argv)}`);
  if (argv.lines.length > 0 && !ctx.insertBefore(call, argv.lines)) return undefined;
  return argv.lines.length > 0 ? `Run the command with ${target} (no shell), its program checked against ALLOWED_PROGRAMS` : `Run the command with ${target} (no shell), as an argument list`;
}

/** The program is model-chosen but no shell string can be rewritten: check the program in place. */
function programCheck(ctx: FixContext, arg: Node): string | undefined {
  const allowed = allowedPrograms(ctx);
  let target: Node = arg;
  if ((arg.type === 'list' || arg.type === 'array') && arg.namedChildCount > 0) target = arg.namedChild(0)!;
  if (target.type === 'string' || target.type === 'template_string' || target.type === 'concatenated_string') return undefined;
  let lines: Lines;
  const splitCall = (arg.type === 'call' || arg.type === 'call_expression') && /(^|\.)(split|splitCommandLine|parse)$/.test(calleeOf(arg)?.text ?? '');
  if (splitCall) {
    // `cmd.split()` / `shlex.split(cmd)`: an argument list whose first word is the program.
    const program = ctx.fresh('program');
    const rest = ctx.fresh(ctx.python ? 'program_args' : 'programArgs');
    const check = guardLines(ctx, notIn(ctx, program, allowed), refusal(ctx, 'program not allowed', program));
    lines = ctx.python ? [`${program}, *${rest} = ${arg.text}`, ...check] : [`const [${program} = ${ctx.str('')}, ...${rest}] = ${arg.text};`, ...check];
    ctx.edits.replace(arg.startIndex, arg.endIndex, ctx.python ? `[${program}, *${rest}]` : `[${program}, ...${rest}]`);
  } else if (target === arg && /list|args|argv|cmd|command/i.test(arg.text) && !/prog|bin|exe/i.test(arg.text) && /^(identifier|attribute|member_expression)$/.test(arg.type)) {
    // A model-built argument list: its first element is the program.
    const cond = ctx.python ? `not ${arg.text} or ${notIn(ctx, `${arg.text}[0]`, allowed)}` : notIn(ctx, `String(${arg.text}[0])`, allowed);
    lines = guardLines(ctx, cond, refusal(ctx, 'program not allowed', arg.text));
  } else {
    const prog = hoist(ctx, target, 'program');
    lines = [...prog.lines, ...guardLines(ctx, notIn(ctx, prog.expr, allowed), refusal(ctx, 'program not allowed', prog.expr))];
  }
  return ctx.insertBefore(target, lines) ? 'Check the program against ALLOWED_PROGRAMS before running it' : undefined;
}

const SHELLS = /^(\/(usr\/)?bin\/)?(sh|bash|zsh|dash|ksh|ash)$/;

function literalText(n: Node | undefined): string | undefined {
  if (!n || (n.type !== 'string' && n.type !== 'template_string') || n.namedChildren.some((c) => c?.type === 'interpolation' || c?.type === 'template_substitution')) return undefined;
  return n.text.replace(/^[rRuU]*(['"`])([\s\S]*)\1$/, '$2');
}

/** `["sh", "-c", script]` (Python) / `('bash', ['-c', script])` (Node): the script the shell would run. */
function shellScript(items: Node[]): Node | undefined {
  const [shell, flag, script, ...rest] = items;
  if (rest.length > 0 || !script || !SHELLS.test(literalText(shell) ?? '') || !/^-[a-z]*c$/.test(literalText(flag) ?? '')) return undefined;
  return script;
}

/** A shell started with `-c` and a model-written script: run the script's program directly instead. */
function shellArgv(ctx: FixContext, call: Node, arg: Node): string | undefined {
  const args = positionalArgs(call);
  let replaceFrom: Node;
  let replaceTo: Node;
  let script: Node | undefined;
  if (ctx.python) {
    const list = arg.type === 'list' ? arg : args[0]?.type === 'list' ? args[0] : undefined;
    script = list ? shellScript(namedChildren(list)) : undefined;
    replaceFrom = replaceTo = list!;
  } else {
    const array = args[1]?.type === 'array' ? args[1] : undefined;
    script = array ? shellScript([args[0], ...namedChildren(array)]) : undefined;
    replaceFrom = args[0];
    replaceTo = array!;
  }
  if (!script) return undefined;
  const argv = argvFor(ctx, script);
  const replacement = ctx.python ? list(argv) : `${argv.program}, ${tsArgs(argv)}`;
  ctx.edits.replace(replaceFrom.startIndex, replaceTo.endIndex, replacement);
  if (argv.lines.length > 0 && !ctx.insertBefore(call, argv.lines)) return undefined;
  return argv.lines.length > 0 ? "Run the script's program directly (no shell), checked against ALLOWED_PROGRAMS" : "Run the script's command directly, without a shell";
}

export const buildExec: Builder = (ctx: FixContext) => {
  const call = ctx.callNode();
  if (ctx.ruleId === 'exec/model-controlled-code' || ctx.data.shape === 'code') {
    const anchor = ctx.anchorNode();
    if (!anchor) return undefined;
    const hint = ctx.python ? 'ast.literal_eval or json.loads' : 'JSON.parse';
    const lines = refuseLines(ctx, `running model-written code cannot be scoped automatically; parse the input you expect instead (${hint})`, 'running model-written code is disabled for this tool');
    return ctx.insertBefore(anchor, lines) ? 'Refuse running model-written code (no safe automatic rewrite)' : undefined;
  }
  const arg = ctx.argNode();
  if (!arg) return undefined;
  if (call) {
    const rewritten = ctx.python ? pythonShell(ctx, call, arg) : nodeShell(ctx, call, arg);
    if (rewritten) return rewritten;
    const direct = shellArgv(ctx, call, arg);
    if (direct) return direct;
  }
  return programCheck(ctx, arg);
};
