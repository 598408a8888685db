// Loads the catalog data (rules/frameworks.yaml, sinks.yaml, controls.yaml) into lookup tables.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Category } from '../model/findings';
import { bundledRules, rulesDir } from '../rules/location';

export type Lang = 'python' | 'ts';

export interface SinkSpec {
  rule: string;
  category: Category | 'tls';
  lang: Lang | 'any';
  /** Where the scoped value sits: index, keyword, 'receiver' or 'prop:NAME'. */
  arg: (number | string)[];
  mode?: 'shell' | 'program' | 'auto' | 'code';
  shellKeyword?: string;
  shellOption?: string;
  element?: number;
  receiverNames?: RegExp;
  receiverModules?: string[];
  sqlTextRequired?: Set<string>;
  stringOnly?: Set<string>;
}

interface RawSink {
  rule: string;
  lang: Lang | 'any';
  calls?: string[];
  methods?: string[];
  namePattern?: string;
  indexes?: string[];
  receiverNames?: string;
  receiverModules?: string[];
  arg?: (number | string)[];
  mode?: SinkSpec['mode'];
  shellKeyword?: string;
  shellOption?: string;
  element?: number;
  sqlTextRequired?: string[];
  stringOnly?: string[];
  keywordValues?: Record<string, unknown>;
  propValues?: Record<string, unknown>;
}

export interface FrameworkData {
  python: {
    decorators: { framework: string; names: string[]; approvalKeyword?: string }[];
    instanceDecorators: { framework: string; classes: string[]; methods: string[] }[];
    anyReceiverDecoratorMethods: string[];
    dispatchDecoratorMethods: string[];
    /** `listedIn`: the class attribute listing the methods that are tools, each on its own (LlamaIndex ToolSpec). */
    baseClasses: { framework: string; names: string[]; methods: string[]; listedIn?: string }[];
    registrations: { framework: string; callees: string[]; args: (number | string)[] }[];
    toolListKeywords: string[];
    toolListWrappers: string[];
    /** LangGraph's prebuilt tool node: a graph paused before a node holding one approves its tools. */
    toolNodes: string[];
    /** Workspace decorators whose name says they declare tools (`@agent_tool`, `@register_tool`). */
    ownDecoratorNames: string;
    toolListMethods: Record<string, number>;
    contextAnnotations: string[];
    contextNames: string[];
    constrainedAnnotations: string[];
    dispatchMarkers: string[];
  };
  typescript: {
    /** `input`: the one property of the handler's argument that the model writes (Mastra's `context`). */
    factories: { framework: string; callees: string[]; handler: string; schema: string[]; approval?: string; input?: string }[];
    handlerCalls: { framework: string; callees: string[]; handlerArg: number; configArg: number; schema: string[] }[];
    methodRegistrations: { framework: string; classes?: string[]; methods: string[]; nameArg?: number; firstArg?: string; dispatch?: boolean }[];
    fallbackFactoryNames: string[];
    fallbackHandlerProps: string[];
    fallbackMethodRegistrations: string[];
    baseClasses: { framework: string; names: string[]; methods: string[] }[];
    constrainedSchemas: string[];
  };
}

export interface ControlsData {
  audit: {
    loggerFactories: string[];
    loggerMethods: string[];
    loggerNames: string;
    functionNames: string;
    decorators: string[];
    decoratorNames: string[];
    spanMethods: string[];
    notLoggers: string[];
  };
  approval: {
    deciding: string[];
    pausing: string[];
    pausingMethods: string[];
    decidingMethods: string[];
    functionNames: string;
    raisingPrefix: string;
    moduleMarkers: string[];
    wiringMarkers: string[];
  };
  sanitizers: { all: string[]; basename: string[]; shellQuote: string[]; urlComponent: string[] };
  paths: {
    resolve: string[];
    pathMethods: string[];
    resolvingMethods: string[];
    resolvingFunctions: string[];
    relative: Record<string, number>;
    commonpath: string[];
    pathClasses: string[];
    home: string[];
  };
  urls: { parsers: string[]; hostAttributes: string[]; joiners: string[] };
}

export interface Catalog {
  frameworks: FrameworkData;
  controls: ControlsData;
  /** Exact qualified callee → sinks. */
  calls: Map<string, SinkSpec[]>;
  /** Method name on an unresolved or module-typed receiver → sinks. */
  methods: Map<string, SinkSpec[]>;
  /** Callee final name patterns (payment/message/delete APIs by name). */
  names: { re: RegExp; spec: SinkSpec }[];
  indexes: Map<string, SinkSpec>;
  tlsKeywords: Map<string, unknown>;
  tlsProps: Map<string, unknown>;
  destructiveSql: RegExp;
  readOnlySql: RegExp;
  temporaryPath: RegExp;
  commandRunners: { all: Set<string>; interpreters: RegExp; codeOptions: Set<string> };
  sqlBuilderTags: RegExp;
  sqlQueryTags: RegExp;
  /** Statement type (`sqlalchemy.text()`) → methods that bind values without changing its text. */
  bindingMethods: Map<string, Set<string>>;
  sqlText: RegExp;
  credentialPaths: RegExp;
  paymentUrls: RegExp;
  messageUrls: RegExp;
  loggerNames: RegExp;
  auditFunctionNames: RegExp;
  approvalNames: RegExp;
  approvalRaising: RegExp;
  sets: {
    /** TypeScript tool factories (`ai.tool`, `createTool`): the object they return keeps its config. */
    toolFactories: Set<string>;
    loggerFactories: Set<string>;
    loggerMethods: Set<string>;
    notLoggers: Set<string>;
    auditDecorators: Set<string>;
    auditDecoratorNames: Set<string>;
    spanMethods: Set<string>;
    deciding: Set<string>;
    pausing: Set<string>;
    pausingMethods: Set<string>;
    decidingMethods: Set<string>;
    sanitizeAll: Set<string>;
    basename: Set<string>;
    shellQuote: Set<string>;
    urlComponent: Set<string>;
    resolve: Set<string>;
    resolving: Set<string>;
    pathMethods: Set<string>;
    resolvingMethods: Set<string>;
    commonpath: Set<string>;
    pathClasses: Set<string>;
    home: Set<string>;
    urlParsers: Set<string>;
    hostAttributes: Set<string>;
    urlJoiners: Set<string>;
  };
}

/** `a.{b,c}.d` → [a.b.d, a.c.d] */
export function expandBraces(s: string): string[] {
  const m = /\{([^{}]*)\}/.exec(s);
  if (!m) return [s];
  const out: string[] = [];
  for (const alt of m[1].split(',')) out.push(...expandBraces(s.slice(0, m.index) + alt.trim() + s.slice(m.index + m[0].length)));
  return out;
}

/** `(?i)` prefixes (Python style) become the JS flag. */
export function regex(src: string): RegExp {
  return src.startsWith('(?i)') ? new RegExp(src.slice(4), 'i') : new RegExp(src);
}

let cached: Catalog | undefined;

export function loadCatalogData(): Catalog {
  if (cached) return cached;
  const bundled = bundledRules();
  const read = (f: string): any => bundled?.[f.replace(/\.yaml$/, '')] ?? parseYaml(readFileSync(join(rulesDir(), f), 'utf8'));
  const frameworks = read('frameworks.yaml') as FrameworkData;
  const controls = read('controls.yaml') as ControlsData;
  const sinkDoc = read('sinks.yaml') as { sinks: RawSink[]; destructiveSql: string; readOnlySql: string; temporaryPath: string; commandRunners: { all: string[]; interpreters: string; codeOptions: string[] }; sqlBuilderTags: string; sqlQueryTags: string; bindingMethods: Record<string, string[]>; sqlText: string; credentialPaths: string; paymentUrls: string; messageUrls: string };
  const calls = new Map<string, SinkSpec[]>();
  const methods = new Map<string, SinkSpec[]>();
  const names: { re: RegExp; spec: SinkSpec }[] = [];
  const indexes = new Map<string, SinkSpec>();
  const tlsKeywords = new Map<string, unknown>();
  const tlsProps = new Map<string, unknown>();
  const push = (m: Map<string, SinkSpec[]>, k: string, s: SinkSpec) => {
    const l = m.get(k);
    if (l) l.push(s);
    else m.set(k, [s]);
  };
  for (const raw of sinkDoc.sinks) {
    const spec: SinkSpec = {
      rule: raw.rule,
      category: raw.rule.split('/')[0] as SinkSpec['category'],
      lang: raw.lang,
      arg: raw.arg ?? [],
      mode: raw.mode,
      shellKeyword: raw.shellKeyword,
      shellOption: raw.shellOption,
      element: raw.element,
      receiverNames: raw.receiverNames ? regex(raw.receiverNames) : undefined,
      receiverModules: raw.receiverModules,
      sqlTextRequired: raw.sqlTextRequired ? new Set(raw.sqlTextRequired) : undefined,
      stringOnly: raw.stringOnly ? new Set(raw.stringOnly) : undefined,
    };
    for (const c of raw.calls ?? []) for (const e of expandBraces(c)) push(calls, e, spec);
    for (const m of raw.methods ?? []) push(methods, m, spec);
    if (raw.namePattern) names.push({ re: regex(raw.namePattern), spec });
    for (const i of raw.indexes ?? []) indexes.set(i, spec);
    for (const [k, v] of Object.entries(raw.keywordValues ?? {})) tlsKeywords.set(k, v);
    for (const [k, v] of Object.entries(raw.propValues ?? {})) tlsProps.set(k, v);
  }
  const set = (xs: string[] | undefined) => new Set(xs ?? []);
  cached = {
    frameworks,
    controls,
    calls,
    methods,
    names,
    indexes,
    tlsKeywords,
    tlsProps,
    destructiveSql: regex(sinkDoc.destructiveSql),
    readOnlySql: regex(sinkDoc.readOnlySql),
    temporaryPath: regex(sinkDoc.temporaryPath),
    commandRunners: { all: set(sinkDoc.commandRunners.all), interpreters: regex(sinkDoc.commandRunners.interpreters), codeOptions: set(sinkDoc.commandRunners.codeOptions) },
    sqlBuilderTags: regex(sinkDoc.sqlBuilderTags),
    sqlQueryTags: regex(sinkDoc.sqlQueryTags),
    bindingMethods: new Map(Object.entries(sinkDoc.bindingMethods).map(([q, ms]) => [q, new Set(ms)])),
    sqlText: regex(sinkDoc.sqlText),
    credentialPaths: regex(sinkDoc.credentialPaths),
    paymentUrls: regex(sinkDoc.paymentUrls),
    messageUrls: regex(sinkDoc.messageUrls),
    loggerNames: regex(controls.audit.loggerNames),
    auditFunctionNames: regex(controls.audit.functionNames),
    approvalNames: regex(controls.approval.functionNames),
    approvalRaising: regex(controls.approval.raisingPrefix),
    sets: {
      toolFactories: set([...frameworks.typescript.factories.flatMap((f) => f.callees), ...frameworks.typescript.fallbackFactoryNames]),
      loggerFactories: set(controls.audit.loggerFactories),
      loggerMethods: set(controls.audit.loggerMethods),
      notLoggers: set(controls.audit.notLoggers),
      auditDecorators: set(controls.audit.decorators),
      auditDecoratorNames: set(controls.audit.decoratorNames),
      spanMethods: set(controls.audit.spanMethods),
      deciding: set(controls.approval.deciding),
      pausing: set(controls.approval.pausing),
      pausingMethods: set(controls.approval.pausingMethods),
      decidingMethods: set(controls.approval.decidingMethods),
      sanitizeAll: set(controls.sanitizers.all),
      basename: set(controls.sanitizers.basename),
      shellQuote: set(controls.sanitizers.shellQuote),
      urlComponent: set(controls.sanitizers.urlComponent),
      resolve: set(controls.paths.resolve),
      resolving: set(controls.paths.resolvingFunctions),
      pathMethods: set(controls.paths.pathMethods),
      resolvingMethods: set(controls.paths.resolvingMethods),
      commonpath: set(controls.paths.commonpath),
      pathClasses: set(controls.paths.pathClasses),
      home: set(controls.paths.home),
      urlParsers: set(controls.urls.parsers),
      hostAttributes: set(controls.urls.hostAttributes),
      urlJoiners: set(controls.urls.joiners),
    },
  };
  return cached;
}
