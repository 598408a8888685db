// exec: a shell string becomes an argument list whose program is checked against ALLOWED_PROGRAMS
// (Python `shlex.split` + `shell=False`, Node `execFile*`); otherwise the program is checked in place.
// Running model-written code (eval, exec, new Function, vm) has no safe rewrite: the fix refuses it.
import type { FixContext, Lines } from './context';
import { calleeName, calleeOf, ensureAllowlist, guardLines, hoist, keywordArg, positionalArgs, refusal, type Builder } from './common';
import * as py from './pymod';
import type { Node } from './syntax';
import * as ts from './tsmod';

const PY_SUBPROCESS = new Set(['run', 'call', 'check_call', 'check_output', 'Popen', 'getoutput', 'getstatusoutput']);
const SHELL_META = ';&|`$<>()\\n';

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
  return !!n && (n.type === 'true' || n.text === 'True' || n.text === 'true');
}

/** Python: `subprocess.run(cmd, shell=True)` / `os.system(cmd)` → an argument list, no shell. */
function pythonShellRewrite(ctx: FixContext, call: Node, arg: Node): string | undefined {
  const callee = calleeOf(call)?.text ?? '';
  const name = calleeName(callee);
  const shell = keywordArg(call, 'shell');
  const first = positionalArgs(call)[0];
  if (first?.id !== arg.id) return undefined;
  const isSystem = name === 'system' && /(^|\.)os\.system$|^system$/.test(callee);
  if (!isSystem && !(PY_SUBPROCESS.has(name) && name !== 'getoutput' && name !== 'getstatusoutput' && isTrue(shell?.childForFieldName('value')))) return undefined;
  const allowed = allowedPrograms(ctx);
  const program = ctx.fresh('program');
  const rest = ctx.fresh('program_args');
  const lines = [
    `${program}, *${rest} = ${splitter(ctx)}(${arg.text})`,
    ...guardLines(ctx, `${program} not in ${allowed}`, refusal(ctx, 'program not allowed', program)),
  ];
  if (isSystem) {
    const subprocess = py.moduleRef(ctx, 'subprocess');
    ctx.edits.replace(call.startIndex, call.endIndex, `${subprocess}.run([${program}, *${rest}], check=False).returncode`);
  } else {
    ctx.edits.replace(arg.startIndex, arg.endIndex, `[${program}, *${rest}]`);
    const value = shell!.childForFieldName('value')!;
    ctx.edits.replace(value.startIndex, value.endIndex, 'False');
  }
  return ctx.insertBefore(call, lines, []) ? 'Run the command without a shell, its program checked against ALLOWED_PROGRAMS' : undefined;
}

/** Node: `execSync(cmd, opts)` / `exec(cmd, cb)` → `execFileSync(program, args, opts)` / `execFile(...)`. */
function nodeShellRewrite(ctx: FixContext, call: Node, arg: Node): string | undefined {
  const callee = calleeOf(call);
  if (!callee) return undefined;
  const name = calleeName(callee.text);
  if (name !== 'execSync' && name !== 'exec') return undefined;
  if (positionalArgs(call)[0]?.id !== arg.id) return undefined;
  const target = name === 'execSync' ? 'execFileSync' : 'execFile';
  if (callee.type === 'member_expression') {
    const prop = callee.childForFieldName('property')!;
    ctx.edits.replace(prop.startIndex, prop.endIndex, target);
  } else if (callee.type === 'identifier') {
    ctx.edits.replace(callee.startIndex, callee.endIndex, ts.memberRef(ctx, 'node:child_process', target));
  } else {
    return undefined;
  }
  const allowed = allowedPrograms(ctx);
  const program = ctx.fresh('program');
  const rest = ctx.fresh('programArgs');
  const lines = [
    `const [${program} = ${ctx.str('')}, ...${rest}] = ${splitter(ctx)}(${arg.text});`,
    ...guardLines(ctx, `!${allowed}.has(${program})`, refusal(ctx, 'program not allowed', program)),
  ];
  ctx.edits.replace(arg.startIndex, arg.endIndex, `${program}, ${rest}`);
  return ctx.insertBefore(call, lines, []) ? `Run the command with ${target} (no shell), its program checked against ALLOWED_PROGRAMS` : undefined;
}

/** The program is model-chosen but no shell is involved, or the call cannot be rewritten: check in place. */
function programCheck(ctx: FixContext, call: Node | undefined, arg: Node): string | undefined {
  const allowed = allowedPrograms(ctx);
  const shell = call && (ctx.python ? isTrue(keywordArg(call, 'shell')?.childForFieldName('value')) || /(^|\.)(system|popen)$/.test(calleeOf(call)?.text ?? '') : /(^|\.)(exec|execSync)$/.test(calleeOf(call)?.text ?? '') || /shell\s*:\s*true/.test(call.text));
  let lines: Lines;
  let target: Node = arg;
  if ((arg.type === 'list' || arg.type === 'array') && arg.namedChildCount > 0) target = arg.namedChild(0)!;
  if (target.type === 'string') return undefined;
  if (shell) {
    // A shell string: its first word must be allowed, and no shell syntax may chain another command.
    const cmd = hoist(ctx, target, 'command');
    const program = ctx.fresh('program');
    const meta = ctx.str(SHELL_META);
    lines = ctx.python
      ? [...cmd.lines, `${program} = (${splitter(ctx)}(${cmd.expr}) or [""])[0]`.replace('""', ctx.str('')), ...guardLines(ctx, `${program} not in ${allowed} or any(c in ${cmd.expr} for c in ${meta})`, refusal(ctx, 'command not allowed', cmd.expr))]
      : [...cmd.lines, `const [${program} = ${ctx.str('')}] = ${splitter(ctx)}(${cmd.expr});`, ...guardLines(ctx, `!${allowed}.has(${program}) || /[;&|\`$<>()\\n]/.test(${cmd.expr})`, refusal(ctx, 'command not allowed', cmd.expr))];
  } else if (target === arg && (arg.type === 'identifier' || arg.type === 'attribute' || arg.type === 'member_expression') && /list|args|argv|cmd|command/i.test(arg.text) && !/prog|bin|exe|tool/i.test(arg.text)) {
    // A model-built argument list: its first element is the program.
    const first = `${arg.text}[0]`;
    const cond = ctx.python ? `not ${arg.text} or ${first} not in ${allowed}` : `!${allowed}.has(String(${first}))`;
    lines = guardLines(ctx, cond, refusal(ctx, 'program not allowed', arg.text));
  } else {
    const prog = hoist(ctx, target, 'program');
    lines = [...prog.lines, ...guardLines(ctx, ctx.python ? `${prog.expr} not in ${allowed}` : `!${allowed}.has(${prog.expr})`, refusal(ctx, 'program not allowed', prog.expr))];
  }
  return ctx.insertBefore(target, lines, []) ? 'Check the program against ALLOWED_PROGRAMS before running it' : undefined;
}

export const buildExec: Builder = (ctx: FixContext) => {
  const call = ctx.callNode();
  if (ctx.ruleId === 'exec/model-controlled-code' || /eval|exec|compile|Function|vm\./.test(ctx.data.shape ?? '') || isCodeSink(call)) {
    const anchor = ctx.anchorNode();
    if (!anchor) return undefined;
    const hint = ctx.python ? 'ast.literal_eval or json.loads' : 'JSON.parse';
    const lines = refuseLines(ctx, `running model-written code cannot be scoped automatically; parse the input you expect instead (${hint})`, 'running model-written code is disabled for this tool');
    return ctx.insertBefore(anchor, lines) ? 'Refuse running model-written code (no safe automatic rewrite)' : undefined;
  }
  const arg = ctx.argNode();
  if (!arg) return undefined;
  if (call) {
    const rewritten = ctx.python ? pythonShellRewrite(ctx, call, arg) : nodeShellRewrite(ctx, call, arg);
    if (rewritten) return rewritten;
  }
  return programCheck(ctx, call, arg);
};

function isCodeSink(call: Node | undefined): boolean {
  const callee = call ? (calleeOf(call)?.text ?? '') : '';
  return /^(eval|exec|compile|Function|new Function)$|(^|\.)(runInNewContext|runInThisContext|runInContext|compileFunction)$|^vm\.Script$/.test(callee) || (call?.type === 'new_expression' && /^Function$/.test(callee));
}
