// Editor settings (section `agentBoundary`), fetched per resource with workspace/configuration and
// cached per document URI until the next didChangeConfiguration; merged with the project config file
// of the workspace folder into the ProjectConfig the engine runs with.
import type { ProjectConfig, RuleSetting } from '../config/types';

export const SETTINGS_SECTION = 'agentBoundary';

export interface Settings {
  enable: boolean;
  rules: Record<string, RuleSetting>;
  allowedHosts: string[];
  guards: string[];
  loggers: string[];
  approvals: string[];
  /** Undefined when the user has not set it: the project file's value (or the engine default) applies. */
  maxFileSize?: number;
  scanOnStartup: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  rules: {},
  allowedHosts: [],
  guards: [],
  loggers: [],
  approvals: [],
  scanOnStartup: false,
};

const RULE_SETTINGS = new Set<string>(['error', 'warning', 'note', 'off']);

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
}

/** Accepts whatever the client sent; wrong types fall back to the defaults instead of failing. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  if (r.rules && typeof r.rules === 'object') {
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && RULE_SETTINGS.has(v)) rules[k] = v as RuleSetting;
    }
  }
  const max = r.maxFileSize;
  const settings: Settings = {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules,
    allowedHosts: strings(r.allowedHosts),
    guards: strings(r.guards),
    loggers: strings(r.loggers),
    approvals: strings(r.approvals),
    scanOnStartup: typeof r.scanOnStartup === 'boolean' ? r.scanOnStartup : DEFAULT_SETTINGS.scanOnStartup,
  };
  if (typeof max === 'number' && Number.isFinite(max) && max > 0) settings.maxFileSize = Math.floor(max);
  return settings;
}

function union(a: string[] | undefined, b: string[]): string[] | undefined {
  const all = [...new Set([...(a ?? []), ...b])];
  return all.length ? all : undefined;
}

/**
 * The engine configuration for one document. The project file is the team's shared base; editor
 * settings add names and hosts and override rule settings. In an untrusted workspace the file and
 * every custom name are ignored: a hostile repository could otherwise declare its sinks as guards.
 */
export function mergeConfig(settings: Settings, file: ProjectConfig | undefined, trusted: boolean): ProjectConfig {
  const base: ProjectConfig = trusted && file ? file : {};
  const config: ProjectConfig = {};
  if (base.include) config.include = base.include;
  if (base.exclude) config.exclude = base.exclude;
  const hosts = union(base.allowedHosts, settings.allowedHosts);
  if (hosts) config.allowedHosts = hosts;
  if (trusted) {
    const guards = union(base.guards, settings.guards);
    const loggers = union(base.loggers, settings.loggers);
    const approvals = union(base.approvals, settings.approvals);
    if (guards) config.guards = guards;
    if (loggers) config.loggers = loggers;
    if (approvals) config.approvals = approvals;
  }
  const rules = { ...(base.rules ?? {}), ...settings.rules };
  if (Object.keys(rules).length) config.rules = rules;
  const max = settings.maxFileSize ?? base.maxFileSize;
  if (max !== undefined) config.maxFileSize = max;
  return config;
}

/** Per-URI cache of settings promises; one workspace/configuration request per document until cleared. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly fetch: (uri: string) => Promise<unknown>) {}

  get(uri: string): Promise<Settings> {
    let p = this.cache.get(uri);
    if (!p) {
      p = this.fetch(uri).then(normalizeSettings, () => ({ ...DEFAULT_SETTINGS }));
      this.cache.set(uri, p);
    }
    return p;
  }

  clear(): void {
    this.cache.clear();
  }
}
