// tls: certificate verification switched back on (`verify=False` → `verify=True`,
// `rejectUnauthorized: false` → `true`, `ssl._create_unverified_context()` → `ssl.create_default_context()`).
import type { FixContext } from './context';
import { calleeOf, keywordArg, type Builder } from './common';
import { descendants, type Node } from './syntax';

export const buildTls: Builder = (ctx: FixContext) => {
  const call = ctx.callNode();
  const scope: Node | undefined = call ?? ctx.anchorNode();
  if (!scope) return undefined;
  if (ctx.python) {
    const verify = call ? keywordArg(call, 'verify') ?? keywordArg(call, 'ssl') : undefined;
    const value = verify?.childForFieldName('value');
    if (value && value.text === 'False') {
      ctx.edits.replace(value.startIndex, value.endIndex, 'True');
      return 'Turn certificate verification back on';
    }
    const callee = call ? calleeOf(call) : undefined;
    if (callee && /(^|\.)_create_unverified_context$/.test(callee.text)) {
      ctx.edits.replace(callee.startIndex, callee.endIndex, callee.text.replace(/_create_unverified_context$/, 'create_default_context'));
      return 'Use a verifying SSL context';
    }
    return undefined;
  }
  for (const p of descendants(scope, new Set(['pair']))) {
    const key = p.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '');
    const value = p.childForFieldName('value');
    if (key === 'rejectUnauthorized' && value?.type === 'false') {
      ctx.edits.replace(value.startIndex, value.endIndex, 'true');
      return 'Turn certificate verification back on (rejectUnauthorized: true)';
    }
  }
  return undefined;
};
