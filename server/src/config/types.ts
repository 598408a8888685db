// The project configuration (agent-boundary.json / .agent-boundary.yaml at the root, or editor settings).
import type { Severity } from '../model/findings';

export type RuleSetting = Severity | 'off';

export interface ProjectConfig {
  /** Globs (relative to the root) of files to analyse; default: every supported file. */
  include?: string[];
  /** Globs to skip, on top of the defaults (node_modules, venvs, .git, build output, caches) and .gitignore. */
  exclude?: string[];
  /** Hosts the agents may reach: pre-filled into quick-fix allowlists; `*.example.com` matches subdomains. */
  allowedHosts?: string[];
  /** Extra names of workspace functions that guard their argument (raise/return when it is out of scope). */
  guards?: string[];
  /** Extra names of functions or logger objects whose calls are audit records. */
  loggers?: string[];
  /** Extra names of functions that ask a person for approval. */
  approvals?: string[];
  /** Per rule id (`net/unscoped-request`) or category (`net`): a severity or 'off'. */
  rules?: Record<string, RuleSetting>;
  /** Files larger than this many bytes are skipped with a stated reason (default 1 MiB). */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
