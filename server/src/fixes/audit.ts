// audit: a structured audit record (tool name and arguments) at the top of the tool, through the module's
// logger (logging / structlog / loguru; pino / winston / bunyan), else a new one (Python
// `logging.getLogger(__name__)`, TS a small `audit()` writing JSON lines to stderr).
import type { FixContext } from './context';
import type { Builder } from './common';
import { argsExpression } from './params';
import * as py from './pymod';
import * as ts from './tsmod';

export const buildAudit: Builder = (ctx: FixContext) => {
  const tool = ctx.data.tool.name;
  const args = argsExpression(ctx);
  let line: string;
  if (ctx.python) {
    const logger = py.ensureLogger(ctx);
    if (logger.kind === 'structlog') line = `${logger.name}.info(${ctx.str('agent_tool_call')}, tool=${ctx.str(tool)}, args=${args})`;
    else if (logger.kind === 'loguru') line = `${logger.name}.info(${ctx.str('agent tool call: {} {!r}')}, ${ctx.str(tool)}, ${args})`;
    else line = `${logger.name}.info(${ctx.str('agent tool call: %s %r')}, ${ctx.str(tool)}, ${args})`;
  } else {
    const fields = `{ tool: ${ctx.str(tool)}, args: ${args} }`;
    const logger = ts.findLogger(ctx);
    if (logger?.kind === 'pino') line = `${logger.name}.info(${fields}, ${ctx.str('agent tool call')});`;
    else if (logger?.kind === 'winston') line = `${logger.name}.info(${ctx.str('agent tool call')}, ${fields});`;
    else {
      // An existing workspace `audit` function is reused; another kind of binding by that name is left alone.
      const existing = ts.moduleBinding(ctx, 'audit');
      const name = existing && existing.type !== 'function_declaration' ? 'auditToolCall' : 'audit';
      const t = ctx.typed;
      ts.ensureFunction(ctx, name, [
        '/** Agent Boundary: writes one audit record per agent tool call, as a JSON line on stderr. */',
        `function ${name}(event${t ? ': string' : ''}, fields${t ? ': Record<string, unknown>' : ''})${t ? ': void' : ''} {`,
        '\tprocess.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\\n`);',
        '}',
      ]);
      line = `${name}(${ctx.str('agent tool call')}, ${fields});`;
    }
  }
  return ctx.insertAtTop([line]) ? 'Record an audit log entry (tool and arguments) at the top of the tool' : undefined;
};
