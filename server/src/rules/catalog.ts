// Loads the rule catalog (rules/catalog.yaml), validates it against rules/catalog.schema.json and
// answers rule lookups. Synchronous and cached: the engine and reporters call it on hot paths.
import Ajv, { type ErrorObject } from 'ajv';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { bundledRules, rulesDir } from './location';
import type { RuleMeta } from './types';

export interface MessageVars {
  tool: string;
  param?: string;
  sink?: string;
  detail?: string;
}

interface Catalog {
  root: string;
  rules: RuleMeta[];
  byId: Map<string, RuleMeta>;
}

let cached: Catalog | undefined;

/** The repository root: the folder holding `rules/` (found by rules/location.ts from wherever this runs). */
export function repoRoot(): string {
  return dirname(rulesDir());
}

function describe(doc: unknown, err: ErrorObject): string {
  const parts = err.instancePath.split('/').filter(Boolean);
  let where = parts.length ? parts.join('.') : '(top level)';
  if (parts[0] === 'rules' && parts.length >= 2) {
    const entry = (doc as { rules?: unknown[] }).rules?.[Number(parts[1])] as { id?: unknown } | undefined;
    const name = typeof entry?.id === 'string' ? `rule '${entry.id}'` : `rule #${Number(parts[1]) + 1}`;
    where = parts.length > 2 ? `${name}, key '${parts.slice(2).join('.')}'` : name;
  }
  const extra = err.keyword === 'additionalProperties' ? ` ('${(err.params as { additionalProperty: string }).additionalProperty}')` : '';
  return `${where}: ${err.message ?? err.keyword}${extra}`;
}

/** Reads and validates the catalog under `root` (default: the repository root). Throws with every problem named. */
export function loadCatalog(root: string = repoRoot()): RuleMeta[] {
  const file = join(root, 'rules', 'catalog.yaml');
  const doc: unknown = parseYaml(readFileSync(file, 'utf8'));
  const schema = JSON.parse(readFileSync(join(root, 'rules', 'catalog.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const problems: string[] = [];
  if (!validate(doc)) problems.push(...(validate.errors ?? []).map((e) => describe(doc, e)));
  else {
    const seen = new Set<string>();
    for (const r of (doc as { rules: RuleMeta[] }).rules) {
      const slug = r.id.replace('/', '-');
      if (seen.has(r.id)) problems.push(`rule '${r.id}': duplicate id`);
      seen.add(r.id);
      if (r.category !== r.id.split('/')[0]) problems.push(`rule '${r.id}', key 'category': must be the id's prefix '${r.id.split('/')[0]}'`);
      if (r.doc !== `docs/rules/${slug}.md`) problems.push(`rule '${r.id}', key 'doc': must be docs/rules/${slug}.md`);
      if (!r.helpUri.endsWith(`/${slug}.md`)) problems.push(`rule '${r.id}', key 'helpUri': must end with /${slug}.md`);
    }
  }
  if (problems.length) throw new Error(`agent-boundary: invalid rule catalog ${file}:\n  ${problems.join('\n  ')}`);
  return (doc as { rules: RuleMeta[] }).rules;
}

function catalog(): Catalog {
  if (!cached) {
    const root = repoRoot();
    // the bundle carries the catalog as JSON (esbuild.mjs); the tests validate the YAML it is built from
    const bundled = bundledRules()?.catalog as { rules: RuleMeta[] } | undefined;
    const rules = bundled?.rules ?? loadCatalog(root);
    cached = { root, rules, byId: new Map(rules.map((r) => [r.id, r])) };
  }
  return cached;
}

export function allRules(): RuleMeta[] {
  return catalog().rules;
}

export function getRule(id: string): RuleMeta {
  const rule = catalog().byId.get(id);
  if (!rule) throw new Error(`agent-boundary: unknown rule id '${id}'`);
  return rule;
}

/** Absolute path of the rule's documentation page. */
export function ruleDocPath(id: string): string {
  return join(catalog().root, getRule(id).doc);
}

const FALLBACK: Record<string, string> = { param: 'its input', sink: 'a call', detail: 'capabilities' };

/** Fills a message template; a parenthesised group whose placeholder has no value is dropped. */
export function fillTemplate(template: string, vars: MessageVars): string {
  const value = (k: string): string | undefined => {
    const v = (vars as unknown as Record<string, string | undefined>)[k];
    return v === undefined || v === '' ? undefined : v;
  };
  return template
    .replace(/ ?\([^()]*\{(\w+)\}[^()]*\)/g, (group, k: string) => (value(k) === undefined ? '' : group))
    .replace(/\{(\w+)\}/g, (_, k: string) => value(k) ?? FALLBACK[k] ?? k);
}

/** The full diagnostic text: what the tool can do, the short citation, and "Not legal advice." */
export function formatMessage(id: string, vars: MessageVars): string {
  const rule = getRule(id);
  return `${fillTemplate(rule.message, vars)} ${rule.citation} Not legal advice.`;
}
