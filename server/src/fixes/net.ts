// net: a host allowlist check before the request (the URL is parsed and its host looked up in ALLOWED_HOSTS).
import type { FixContext } from './context';
import { type Builder, ensureAllowlist, guardLines, hoist, notIn, refusal } from './common';
import * as py from './pymod';
import { namedChildren, type Node } from './syntax';

/** Sinks whose argument is a host (or a (host, port) pair), not a URL. */
const HOST_SINKS = /(^|\.)(connect|create_connection|SMTP|SMTP_SSL|LMTP|FTP|FTP_TLS|SSHClient|Telnet|createConnection|HTTPConnection|HTTPSConnection)$/;

/** `{ url: u }`, `{ host }`, `{"url": u}`: the property that names the destination, and whether it is a bare host. */
function destinationProperty(options: Node): { node: Node; host: boolean } | undefined {
  for (const p of namedChildren(options)) {
    if (p.type === 'shorthand_property_identifier' && /^(url|href|uri|host|hostname)$/.test(p.text)) return { node: p, host: /^host/.test(p.text) };
    if (p.type !== 'pair') continue;
    const key = p.childForFieldName('key')!.text.replace(/^['"]|['"]$/g, '');
    const value = p.childForFieldName('value')!;
    if (/^(url|href|uri|baseURL|baseUrl|base_url)$/.test(key)) return { node: value, host: false };
    if (/^(host|hostname)$/.test(key)) return { node: value, host: true };
  }
  return undefined;
}

export const buildNet: Builder = (ctx: FixContext) => {
  let arg = ctx.argNode();
  if (!arg) return undefined;
  let hostOnly = HOST_SINKS.test(ctx.data.call?.callee ?? '');
  if (arg.type === 'object' || arg.type === 'dictionary') {
    const dest = destinationProperty(arg);
    if (!dest) return undefined;
    arg = dest.node;
    hostOnly = dest.host;
  }
  // `socket.connect((host, port))`: the host is the pair's first element.
  if (hostOnly && (arg.type === 'tuple' || arg.type === 'array') && arg.namedChildCount >= 1) arg = arg.namedChild(0)!;
  const allowed = ensureAllowlist(ctx, 'ALLOWED_HOSTS', 'hosts this agent may contact', 'api.example.com');
  // A shorthand property (`{ host }`) names the variable itself: check it, leave the object as it is.
  const target = arg.type === 'shorthand_property_identifier' ? { expr: arg.text, lines: [] } : hoist(ctx, arg, hostOnly ? 'host' : 'url');
  let host: string;
  let condition: string;
  if (ctx.python) {
    host = hostOnly ? target.expr : `${py.memberRef(ctx, 'urllib.parse', 'urlparse', 'import')}(${target.expr}).hostname`;
    condition = notIn(ctx, host, allowed);
  } else {
    host = hostOnly ? target.expr : `new URL(${target.expr}).hostname`;
    condition = notIn(ctx, host, allowed);
  }
  const lines = [...target.lines, ...guardLines(ctx, condition, refusal(ctx, 'host not allowed', target.expr))];
  if (!ctx.insertBefore(arg, lines, [target.expr])) return undefined;
  return 'Check the host against ALLOWED_HOSTS before the request';
};
