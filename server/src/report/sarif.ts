// SARIF 2.1.0 report for code-scanning UIs: rule metadata from the catalog, URIs relative to %SRCROOT%,
// the parameter → sink path as codeFlows/relatedLocations, stable partialFingerprints, in-source
// suppressions, and skipped files as tool execution notifications.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import pkg from '../../../package.json';
import type { Finding, Location } from '../model/findings';
import { languageOf } from '../parse/parser';
import { allRules, repoRoot } from '../rules/catalog';
import { META_RULE, META_RULE_ID } from '../rules/suppress';
import type { RuleMeta } from '../rules/types';
import { SKIP_REASON_LABELS } from '../scan/read';
import type { ScanReport } from '../scan/scan';
import { relativeInside, relativePosix } from '../scan/walk';
import { Lazy, jsonChunks } from './stream';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const FINGERPRINT_KEY = 'agentBoundary/v1';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

/** How every report names this tool. */
export const TOOL_INFO: ToolInfo = { name: 'agent-boundary', version: pkg.version, informationUri: 'https://github.com/agent-boundary/agent-boundary' };

/** `net/unscoped-request` → `NetUnscopedRequest` (SARIF rule names are identifiers). */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** Catalog rules, the suppression meta rule, then any id the engine emitted that the catalog lacks. */
function ruleList(ruleIds: Iterable<string>): RuleMeta[] {
  let rules: RuleMeta[];
  try {
    rules = [...allRules()];
  } catch {
    rules = [];
  }
  const known = new Set(rules.map((r) => r.id));
  const extra = [META_RULE];
  for (const id of ruleIds) if (!known.has(id)) extra.push(fallbackRule(id));
  for (const r of extra) {
    if (!known.has(r.id)) {
      known.add(r.id);
      rules.push(r);
    }
  }
  return rules;
}

function fallbackRule(id: string): RuleMeta {
  return {
    id,
    category: id.split('/')[0],
    title: id,
    defaultSeverity: 'warning',
    message: id,
    citation: '',
    cwe: [],
    owasp: [],
    securitySeverity: '5.0',
    fixable: false,
    doc: '',
    helpUri: '',
  };
}

function helpMarkdown(rule: RuleMeta): string | undefined {
  if (!rule.doc.startsWith('docs/')) return undefined;
  try {
    return readFileSync(join(repoRoot(), rule.doc), 'utf8');
  } catch {
    return undefined;
  }
}

function descriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const tags = ['security', String(rule.category), ...rule.cwe.map((c) => `external/cwe/${c.toLowerCase()}`), ...rule.owasp.map((o) => `owasp-${o.split(':')[0].toLowerCase()}`)];
  const full = [rule.title.replace(/\.?$/, '.'), rule.citation].filter(Boolean).join(' ');
  const d: Sarif.ReportingDescriptor = {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: full },
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: {
      tags,
      precision: rule.id === META_RULE_ID ? 'very-high' : 'high',
      ...(rule.id === META_RULE_ID ? {} : { 'security-severity': rule.securitySeverity }),
    },
  };
  if (rule.helpUri) d.helpUri = rule.helpUri;
  const md = helpMarkdown(rule);
  d.help = { text: `${full}${rule.helpUri ? ` See ${rule.helpUri}` : ''}`, ...(md ? { markdown: md } : {}) };
  return d;
}

export function formatSarif(r: ScanReport, tool: ToolInfo, cwd: string): string {
  return [...sarifReport(r, tool, cwd)].join('');
}

/** The SARIF log in pieces, the results made one at a time as they are written. */
export function* sarifReport(r: ScanReport, tool: ToolInfo, cwd: string): Generator<string> {
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();

  const uriOf = (file: string): Sarif.ArtifactLocation => {
    const rel = relativeInside(r.root, file);
    if (rel === undefined) return { uri: pathToFileURL(file).href };
    return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  const artifactOf = (file: string): Sarif.ArtifactLocation => {
    let index = artifactIndex.get(file);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(file, index);
      const lang = languageOf(file);
      artifacts.push({ location: uriOf(file), ...(lang ? { sourceLanguage: lang } : {}) });
    }
    return { ...uriOf(file), index };
  };
  const physical = (loc: Location): Sarif.PhysicalLocation => {
    const { start, end } = loc.span;
    const after = end.line > start.line || (end.line === start.line && end.col >= start.col);
    const e = after ? end : start;
    return {
      artifactLocation: artifactOf(loc.file),
      region: { startLine: start.line + 1, startColumn: start.col + 1, endLine: e.line + 1, endColumn: e.col + 1 },
    };
  };

  for (const f of r.files) artifactOf(f);
  // The rules and artifacts are printed before the results: one pass over the findings gives every rule
  // and every file a result points to its index.
  const ruleIds = new Set<string>();
  for (const f of r.findings) {
    ruleIds.add(f.ruleId);
    for (const loc of [f, ...f.flow]) artifactOf(loc.file);
  }
  const rules = ruleList(ruleIds);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));

  const result = (f: Finding): Sarif.Result => {
    const res: Sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: f.severity,
      message: { text: f.message },
      locations: [{ physicalLocation: physical(f) }],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: { tool: f.tool.name, framework: f.tool.framework, category: f.category, ...(f.param ? { parameter: f.param } : {}), ...(f.sink ? { sink: f.sink } : {}) },
    };
    if (f.flow.length) {
      res.relatedLocations = f.flow.map((s, i) => ({ id: i + 1, physicalLocation: physical(s), message: { text: s.message } }));
      res.codeFlows = [
        {
          message: { text: `From the model's input to ${f.sink ?? 'the sink'}` },
          threadFlows: [{ locations: f.flow.map((s, i) => ({ executionOrder: i + 1, location: { physicalLocation: physical(s), message: { text: s.message } } })) }],
        },
      ];
    }
    if (f.suppressed) res.suppressions = [{ kind: 'inSource', status: 'accepted', justification: f.suppressed.reason }];
    return res;
  };

  const notifications: Sarif.Notification[] = [
    ...r.skipped.map(
      (s): Sarif.Notification => ({
        level: 'warning',
        descriptor: { id: `skipped/${s.reason}` },
        message: { text: `Skipped ${relativePosix(r.root, s.file) || s.file}: ${SKIP_REASON_LABELS[s.reason]} (${s.detail.split('\n')[0]})` },
        locations: [{ physicalLocation: { artifactLocation: uriOf(s.file) } }],
      }),
    ),
    ...r.replaced.map(
      (file): Sarif.Notification => ({
        level: 'note',
        descriptor: { id: 'decoded-with-replacement' },
        message: { text: `Invalid UTF-8 in ${relativePosix(r.root, file)} was replaced with U+FFFD; the file was still analysed.` },
        locations: [{ physicalLocation: { artifactLocation: uriOf(file) } }],
      }),
    ),
  ];

  // The log's type with `results` read lazily (jsonChunks prints a Lazy as an array).
  const log: Omit<Sarif.Log, 'runs'> & { runs: (Omit<Sarif.Run, 'results'> & { results: Lazy<Finding> })[] } = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map(descriptor),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: dirUri(r.root) } },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: r.startTime.toISOString(),
            endTimeUtc: r.endTime.toISOString(),
            workingDirectory: { uri: dirUri(cwd) },
            toolExecutionNotifications: notifications,
          },
        ],
        artifacts,
        results: new Lazy(r.findings, result),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  yield* jsonChunks(log);
  yield '\n';
}

/** A folder as a file:/// URI ending in '/'. */
export function dirUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
