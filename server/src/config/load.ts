// Finds, parses and validates the project configuration, and maps findings through its rule settings.
// Shared by the CLI and the language server.
import Ajv, { type ErrorObject } from 'ajv';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import schema from '../../../rules/config.schema.json';
import type { Finding } from '../model/findings';
import { allRules } from '../rules/catalog';
import { META_RULE_ID } from '../rules/suppress';
import { RULE_IDS } from '../rules/types';
import type { ProjectConfig, RuleSetting } from './types';

/** Looked up in this order in each folder. */
export const CONFIG_FILE_NAMES = [
  'agent-boundary.json',
  '.agent-boundary.json',
  'agent-boundary.yaml',
  'agent-boundary.yml',
  '.agent-boundary.yaml',
  '.agent-boundary.yml',
];

/** A configuration that cannot be used; the message names the file and the bad key. */
export class ConfigError extends Error {}

export interface LoadedConfig {
  config: ProjectConfig;
  /** The file read, absent when none was found. */
  file?: string;
}

/**
 * The config file for a scan rooted at `dir`: the first name found in `dir` or, failing that, in its
 * parents up to the repository root (the first folder holding `.git`).
 */
export function findConfigFile(dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(d, name);
      if (isFile(p)) return p;
    }
    if (existsSync(join(d, '.git')) || dirname(d) === d) return undefined;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Reads and validates a config file. Throws ConfigError naming the file and every bad key. */
export function loadConfigFile(file: string): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read config: ${(e as Error).message}`);
  }
  return parseConfig(text, file);
}

/** Parses JSON (for *.json) or YAML text and validates it against rules/config.schema.json. */
export function parseConfig(text: string, file: string): ProjectConfig {
  let doc: unknown;
  try {
    doc = /\.json$/i.test(file) ? JSON.parse(text.replace(/^\uFEFF/, '')) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (doc === null || doc === undefined) doc = {};
  const problems = validateConfig(doc);
  if (problems.length) throw new ConfigError(`${file}: invalid configuration:\n  ${problems.join('\n  ')}`);
  return doc as ProjectConfig;
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Every problem of a parsed config document, each naming its key path (`rules.net/x: ...`). */
export function validateConfig(doc: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, strict: true }).compile(schema);
  const problems: string[] = [];
  if (!validator(doc)) {
    for (const err of validator.errors ?? []) problems.push(describe(err));
  } else {
    const rules = (doc as ProjectConfig).rules ?? {};
    const ids = knownRuleIds();
    const prefixes = new Set([...ids].map((id) => id.split('/')[0]));
    for (const key of Object.keys(rules)) {
      if (!ids.has(key) && !prefixes.has(key)) {
        problems.push(`rules.${key}: unknown rule id or category (known categories: ${[...prefixes].sort().join(', ')})`);
      }
    }
  }
  return [...new Set(problems)];
}

function describe(err: ErrorObject): string {
  const path = err.instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      return `${path ? `${path}.` : ''}${key}: unknown key`;
    }
    case 'enum':
      return `${path}: must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'type':
      return `${path || '(top level)'}: must be ${withArticle((err.params as { type: string }).type)}`;
    default:
      return `${path || '(top level)'}: ${err.message ?? err.keyword}`;
  }
}

function withArticle(type: string): string {
  return type === 'array' || type === 'object' || type === 'integer' ? `an ${type}` : `a ${type}`;
}

function knownRuleIds(): Set<string> {
  const ids = new Set<string>([...RULE_IDS, META_RULE_ID]);
  try {
    for (const r of allRules()) ids.add(r.id);
  } catch {
    // The catalog is checked by its own loader; RULE_IDS still names every rule the engine emits.
  }
  return ids;
}

/** The config for a scan rooted at `root`, or the given `--config` file. */
export function loadConfig(root: string, explicit?: string): LoadedConfig {
  if (explicit) {
    if (!isFile(explicit)) throw new ConfigError(`${explicit}: config file not found`);
    return { config: loadConfigFile(explicit), file: explicit };
  }
  const file = findConfigFile(root);
  return file ? { config: loadConfigFile(file), file } : { config: {} };
}

/** Whether `file` has one of the config file names (the language server watches them). */
export function isConfigFileName(file: string): boolean {
  return CONFIG_FILE_NAMES.includes(basename(file));
}

/** The setting for a rule: its own id first, then the longest category prefix (`net`, `net/sub`). */
export function ruleSetting(ruleId: string, rules: Record<string, RuleSetting> | undefined): RuleSetting | undefined {
  if (!rules) return undefined;
  if (Object.prototype.hasOwnProperty.call(rules, ruleId)) return rules[ruleId];
  const parts = ruleId.split('/');
  for (let n = parts.length - 1; n > 0; n--) {
    const prefix = parts.slice(0, n).join('/');
    if (Object.prototype.hasOwnProperty.call(rules, prefix)) return rules[prefix];
  }
  return undefined;
}

/**
 * Maps findings through the config's rule settings: 'off' drops a finding, a severity replaces the
 * default. Idempotent, so the engine, the CLI and the language server may each apply it.
 */
export function applyRuleConfig(findings: Finding[], config: ProjectConfig | undefined): Finding[] {
  const rules = config?.rules;
  if (!rules || Object.keys(rules).length === 0) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = ruleSetting(f.ruleId, rules);
    if (setting === 'off') continue;
    out.push(setting && setting !== f.severity ? { ...f, severity: setting } : f);
  }
  return out;
}
