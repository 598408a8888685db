// secret: an allowlist of the environment keys the tool may read (ALLOWED_ENV_KEYS), checked before the read.
// A read of a credential store has no key to allow; the fix refuses it, for the user to remove the read.
import type { FixContext } from './context';
import { type Builder, ensureAllowlist, guardLines, hoist, notIn, refusal } from './common';
import { refuseLines } from './exec';

export const buildSecret: Builder = (ctx: FixContext) => {
  const arg = ctx.argNode();
  if (ctx.ruleId === 'secret/credential-store-read' || !arg || arg.type === 'string') {
    const anchor = ctx.anchorNode();
    if (!anchor) return undefined;
    const lines = refuseLines(ctx, 'this tool reads a credential store on the model\'s behalf; give it only the one credential it needs', 'reading credential stores is disabled for agent tools');
    return ctx.insertBefore(anchor, lines) ? 'Refuse the credential-store read (no safe automatic rewrite)' : undefined;
  }
  const allowed = ensureAllowlist(ctx, 'ALLOWED_ENV_KEYS', 'environment variables agent tools may read (never credentials)', 'LOG_LEVEL');
  const key = hoist(ctx, arg, ctx.python ? 'env_key' : 'envKey');
  const condition = notIn(ctx, key.expr, allowed);
  const lines = [...key.lines, ...guardLines(ctx, condition, refusal(ctx, 'environment variable not allowed', key.expr))];
  return ctx.insertBefore(arg, lines, [key.expr]) ? 'Allow only the environment keys listed in ALLOWED_ENV_KEYS' : undefined;
};
