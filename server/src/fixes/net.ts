// net: a host allowlist check before the request (the URL is parsed and its host looked up in ALLOWED_HOSTS).
import type { FixContext } from './context';
import { ensureAllowlist, guardLines, hoist, refusal, type Builder } from './common';
import * as py from './pymod';

/** Sinks whose argument is a host (or a (host, port) pair), not a URL. */
const HOST_SINKS = /(^|\.)(connect|create_connection|SMTP|SMTP_SSL|LMTP|FTP|FTP_TLS|SSHClient|Telnet|createConnection|HTTPConnection|HTTPSConnection)$/;

export const buildNet: Builder = (ctx: FixContext) => {
  let arg = ctx.argNode();
  if (!arg) return undefined;
  if (arg.type === 'object' || arg.type === 'dictionary') return undefined;
  const hostOnly = HOST_SINKS.test(ctx.data.call?.callee ?? '');
  // `socket.connect((host, port))`: the host is the pair's first element.
  if (hostOnly && (arg.type === 'tuple' || arg.type === 'array') && arg.namedChildCount >= 1) arg = arg.namedChild(0)!;
  const allowed = ensureAllowlist(ctx, 'ALLOWED_HOSTS', 'hosts this agent may contact', 'api.example.com');
  const target = hoist(ctx, arg, hostOnly ? 'host' : 'url');
  let host: string;
  let condition: string;
  if (ctx.python) {
    host = hostOnly ? target.expr : `${py.memberRef(ctx, 'urllib.parse', 'urlparse', 'import')}(${target.expr}).hostname`;
    condition = `${host} not in ${allowed}`;
  } else {
    host = hostOnly ? target.expr : `new URL(${target.expr}).hostname`;
    condition = `!${allowed}.has(${host})`;
  }
  const lines = [...target.lines, ...guardLines(ctx, condition, refusal(ctx, 'host not allowed', target.expr))];
  if (!ctx.insertBefore(arg, lines, [target.expr])) return undefined;
  return 'Check the host against ALLOWED_HOSTS before the request';
};
