// txn: a person approves the action first — through the framework's own mechanism where it has one
// (OpenAI Agents `needs_approval=True`, `needsApproval: true` in OpenAI Agents JS / Vercel AI SDK `tool()`,
// LangGraph `interrupt()`, FastMCP `ctx.elicit()`), else an explicit `request_approval()` the user completes.
import type { FixContext, Lines } from './context';
import { calleeName, calleeOf, keywordArg, refusal, type Builder } from './common';
import { argsExpression, contextParam, isAsync } from './params';
import * as py from './pymod';
import { namedChildren, type Node } from './syntax';
import * as ts from './tsmod';

function importsFrom(ctx: FixContext, re: RegExp): boolean {
  for (const n of namedChildren(ctx.root)) {
    if (n.type === 'import_from_statement' && re.test(n.childForFieldName('module_name')?.text ?? '')) return true;
    if (n.type === 'import_statement' && ctx.python && namedChildren(n).some((c) => re.test((c.childForFieldName('name') ?? c).text))) return true;
    if (n.type === 'import_statement' && !ctx.python && re.test((n.childForFieldName('source')?.text ?? '').replace(/['"]/g, ''))) return true;
  }
  return re.test(ctx.doc.text.match(/require\((['"])([^'"]+)\1\)/g)?.join(' ') ?? '');
}

/** `@function_tool` / `@function_tool(...)` → with `needs_approval=True`. */
function openaiAgentsPython(ctx: FixContext): string | undefined {
  const def = ctx.toolFn?.parent?.type === 'decorated_definition' ? ctx.toolFn.parent : undefined;
  for (const d of namedChildren(def).filter((n) => n.type === 'decorator')) {
    const expr = d.namedChild(0);
    if (!expr) continue;
    const callee = expr.type === 'call' ? calleeOf(expr)! : expr;
    if (calleeName(callee.text) !== 'function_tool' && !(ctx.data.tool.framework.startsWith('openai') && /function_tool/.test(callee.text))) continue;
    if (expr.type !== 'call') {
      ctx.edits.insert(expr.endIndex, '(needs_approval=True)');
    } else {
      const existing = keywordArg(expr, 'needs_approval');
      const args = expr.childForFieldName('arguments')!;
      if (existing) ctx.edits.replace(existing.childForFieldName('value')!.startIndex, existing.childForFieldName('value')!.endIndex, 'True');
      else if (args.namedChildCount === 0) ctx.edits.insert(args.endIndex - 1, 'needs_approval=True');
      else ctx.edits.insert(args.lastNamedChild!.endIndex, ', needs_approval=True');
    }
    return 'Require approval: function_tool(needs_approval=True)';
  }
  return undefined;
}

/** `tool({ ..., execute })` of OpenAI Agents JS or the Vercel AI SDK → `needsApproval: true`. */
function needsApprovalProperty(ctx: FixContext): string | undefined {
  const fn = ctx.toolFn;
  if (!fn) return undefined;
  const holder = fn.type === 'method_definition' ? fn : fn.parent?.type === 'pair' ? fn.parent : undefined;
  const object = holder?.parent;
  const call = object?.parent?.parent;
  if (!holder || object?.type !== 'object' || call?.type !== 'call_expression') return undefined;
  const key = (holder.type === 'pair' ? holder.childForFieldName('key') : holder.childForFieldName('name'))?.text;
  if (key !== 'execute' || calleeName(calleeOf(call)?.text) !== 'tool') return undefined;
  if (!importsFrom(ctx, /^(ai|@openai\/agents(-core)?)$/) && !/vercel|openai/.test(ctx.data.tool.framework)) return undefined;
  for (const p of namedChildren(object)) {
    if (p.type === 'pair' && p.childForFieldName('key')?.text === 'needsApproval') {
      const v = p.childForFieldName('value')!;
      ctx.edits.replace(v.startIndex, v.endIndex, 'true');
      return 'Require approval: needsApproval: true';
    }
  }
  if (ctx.doc.startsLine(holder.startIndex)) {
    ctx.edits.insert(ctx.doc.lineStart(ctx.doc.positionAt(holder.startIndex).line), `${ctx.doc.indentAt(holder.startIndex)}needsApproval: true,${ctx.doc.eol}`);
  } else {
    ctx.edits.insert(holder.startIndex, 'needsApproval: true, ');
  }
  return 'Require approval: needsApproval: true';
}

/** LangGraph: `interrupt()` pauses the graph until a person resumes it with a decision. */
function langgraphInterrupt(ctx: FixContext, action: string, args: string): string | undefined {
  const interrupt = py.memberRef(ctx, 'langgraph.types', 'interrupt', 'from');
  const decision = ctx.fresh('decision');
  const lines: Lines = [
    `# Agent Boundary: a person approves this call; resume the graph with Command(resume={${ctx.str('approved')}: True}).`,
    `${decision} = ${interrupt}({${ctx.str('action')}: ${ctx.str(action)}, ${ctx.str('args')}: ${args}})`,
    `if not (isinstance(${decision}, dict) and ${decision}.get(${ctx.str('approved')})):`,
    `\t${refusal(ctx, `${action} was not approved`)}`,
  ];
  return ctx.insertAtTop(lines, isLogStatement) ? 'Require approval: LangGraph interrupt() before the action' : undefined;
}

/** FastMCP: ask the client's user through elicitation (needs the tool's `ctx: Context` and `async def`). */
function fastmcpElicit(ctx: FixContext, ctxParam: string, action: string, args: string): string | undefined {
  const BaseModel = py.memberRef(ctx, 'pydantic', 'BaseModel', 'from');
  const q3 = ctx.quote.repeat(3);
  py.ensureFunction(ctx, 'ApprovalDecision', [
    `class ApprovalDecision(${BaseModel}):`,
    `\t${q3}Agent Boundary: a person's answer when a tool asks to go ahead.${q3}`,
    '',
    '\tapprove: bool',
  ]);
  const answer = ctx.fresh('approval');
  const message = args === '{}' ? ctx.str(`Allow ${action}?`) : `${ctx.str(`Allow ${action} with `)} + repr(${args}) + ${ctx.str('?')}`;
  const lines: Lines = [
    `${answer} = await ${ctxParam}.elicit(message=${message}, schema=ApprovalDecision)`,
    `if ${answer}.action != ${ctx.str('accept')} or not ${answer}.data.approve:`,
    `\t${refusal(ctx, `${action} was not approved`)}`,
  ];
  return ctx.insertAtTop(lines, isLogStatement) ? 'Require approval: ask the user with ctx.elicit() before the action' : undefined;
}

/** An explicit approval call, with a stub the user connects to their approval flow. */
function requestApproval(ctx: FixContext, action: string, args: string): string | undefined {
  if (ctx.python) {
    const q3 = ctx.quote.repeat(3);
    const fn = py.ensureFunction(ctx, 'request_approval', [
      'def request_approval(action, details):',
      `\t${q3}Agent Boundary: ask a person to approve a consequential action; return True only when they do.`,
      '',
      `\tConnect this to your approval flow (a review queue, a chat confirmation, a ticket).`,
      `\t${q3}`,
      `\traise NotImplementedError(${ctx.str('connect request_approval() to a human approval step')})`,
    ]);
    const lines: Lines = [`if not ${fn}(${ctx.str(action)}, ${args}):`, `\t${refusal(ctx, `${action} was not approved`)}`];
    return ctx.insertAtTop(lines, isLogStatement) ? 'Require approval: call request_approval() (complete the stub) before the action' : undefined;
  }
  const t = ctx.typed;
  const doc = [
    '/**',
    ' * Agent Boundary: asks a person to approve a consequential action; true only when they do.',
    ' * Connect it to your approval flow (a review queue, a chat confirmation, a ticket).',
    ' */',
  ];
  const body = '\tthrow new Error(`connect this to a human approval step (${action}: ${JSON.stringify(details)})`);';
  const params = `action${t ? ': string' : ''}, details${t ? ': Record<string, unknown>' : ''}`;
  let call: string;
  if (isAsync(ctx.toolFn)) {
    const fn = ts.ensureFunction(ctx, 'requestApproval', [...doc, `async function requestApproval(${params})${t ? ': Promise<boolean>' : ''} {`, body, '}']);
    call = `!(await ${fn}(${ctx.str(action)}, ${args}))`;
  } else {
    // A synchronous tool cannot await: its approval function answers synchronously (e.g. from a prior decision store).
    const fn = ts.ensureFunction(ctx, 'isApproved', [...doc, `function isApproved(${params})${t ? ': boolean' : ''} {`, body, '}']);
    call = `!${fn}(${ctx.str(action)}, ${args})`;
  }
  const lines: Lines = [`if (${call}) {`, `\t${refusal(ctx, `${action} was not approved`)}`, '}'];
  return ctx.insertAtTop(lines, isLogStatement) ? 'Require approval: call requestApproval() (complete the stub) before the action' : undefined;
}

/** `logger.info(...)`, `logging.info(...)`, `audit(...)`: a leading audit record stays before the approval. */
function isLogStatement(stmt: Node): boolean {
  const expr = stmt.type === 'expression_statement' ? stmt.namedChild(0) : undefined;
  const call = expr?.type === 'await' || expr?.type === 'await_expression' ? expr.namedChild(0) : expr;
  if (call?.type !== 'call' && call?.type !== 'call_expression') return false;
  const callee = calleeOf(call)?.text ?? '';
  return /^(\w*log\w*|logging)\.(debug|info|warning|warn|error|msg|bind)$|^_?(audit|log_)\w*$/i.test(callee);
}

export const buildTxn: Builder = (ctx: FixContext) => {
  const framework = ctx.data.tool.framework;
  const action = ctx.data.tool.name;
  if (ctx.python) {
    const viaDecorator = openaiAgentsPython(ctx);
    if (viaDecorator) return viaDecorator;
    const args = argsExpression(ctx);
    if (/lang(chain|graph)/.test(framework) || importsFrom(ctx, /^langgraph\b/)) return langgraphInterrupt(ctx, action, args);
    const ctxParam = contextParam(ctx.toolFn);
    if (/mcp/.test(framework) && ctxParam && isAsync(ctx.toolFn)) return fastmcpElicit(ctx, ctxParam, action, args);
    return requestApproval(ctx, action, args);
  }
  return needsApprovalProperty(ctx) ?? requestApproval(ctx, action, argsExpression(ctx));
};
