// Quick fixes, checked the way a user meets them: analyse, turn each finding into the Diagnostic the
// server sends, ask codeActionsFor, apply the preferred action, analyse again. The finding must be gone,
// nothing new may appear, and the file must parse as well as before.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { createEngine, type Engine } from '../../server/src/engine';
import { codeActionsFor } from '../../server/src/fixes/index';
import type { Finding } from '../../server/src/model/findings';
import { initParsers } from '../../server/src/parse/parser';

const ROOT = resolve(__dirname, '..', '..');
const DEV_CASES = resolve(ROOT, '..', 'shared', 'bench', 'dev', 'cases');

/** What the language server puts in a diagnostic (see server/src/lsp/diagnostics.ts). */
function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: { start: { line: f.span.start.line, character: f.span.start.col }, end: { line: f.span.end.line, character: f.span.end.col } },
    source: 'Agent Boundary',
    code: f.ruleId,
    message: f.message,
    data: { ruleId: f.ruleId, fix: f.fix, fingerprint: f.fingerprint },
  };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }): number => starts[p.line] + p.character;
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => offset(b.e.range.start) - offset(a.e.range.start) || b.i - a.i);
  let out = text;
  for (const { e } of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function languageId(file: string): string {
  return file.endsWith('.py') ? 'python' : /\.(c|m)?jsx?$/.test(file) ? 'javascript' : 'typescript';
}

function open(findings: Finding[]): Finding[] {
  return findings.filter((f) => !f.suppressed && !f.ruleId.startsWith('meta/'));
}

interface Applied {
  action: CodeAction;
  text: string;
  before: Finding[];
  after: Finding[];
  errorsBefore: number;
  errorsAfter: number;
}

let engine: Engine;

function analyse(file: string, text: string): { findings: Finding[]; errors: number } {
  engine.invalidate(file);
  const r = engine.analyzeFile(file, text);
  engine.invalidate(file);
  return { findings: r.findings, errors: r.syntaxErrors ?? 0 };
}

function actionsFor(file: string, text: string, f: Finding): CodeAction[] {
  return codeActionsFor({ uri: `file://${file}`, text, languageId: languageId(file), diagnostics: [toDiagnostic(f)] });
}

/** Applies one action of a finding and analyses the result. */
function applyAction(file: string, text: string, f: Finding, pick: (a: CodeAction[]) => CodeAction | undefined): Applied {
  const { findings: before, errors: errorsBefore } = analyse(file, text);
  const action = pick(actionsFor(file, text, f));
  assert.ok(action, `no such action for ${f.ruleId} at line ${f.span.start.line + 1}`);
  const edits = action.edit?.changes?.[`file://${file}`];
  assert.ok(edits && edits.length > 0, 'the action carries edits for the document');
  const fixed = applyEdits(text, edits);
  const { findings: after, errors: errorsAfter } = analyse(file, fixed);
  return { action, text: fixed, before, after, errorsBefore, errorsAfter };
}

const preferred = (a: CodeAction[]): CodeAction | undefined => a.find((x) => x.isPreferred);

/** The finding is gone, nothing new appeared, and the file parses as well as before. */
function assertCleared(r: Applied, f: Finding): void {
  const still = open(r.after).filter((g) => g.fingerprint === f.fingerprint);
  assert.deepEqual(still.map((g) => g.ruleId), [], `${f.ruleId} is still reported after "${r.action.title}":\n${r.text}`);
  const known = new Set(r.before.map((g) => g.fingerprint));
  const added = open(r.after).filter((g) => !known.has(g.fingerprint));
  assert.deepEqual(added.map((g) => `${g.ruleId}@${g.span.start.line + 1}`), [], `"${r.action.title}" added findings:\n${r.text}`);
  assert.ok(r.errorsAfter <= r.errorsBefore, `"${r.action.title}" added syntax errors:\n${r.text}`);
}

function findingsOf(file: string, text: string, category?: string): Finding[] {
  const all = open(analyse(file, text).findings);
  return category ? all.filter((f) => f.category === category) : all;
}

/** Fixes one finding of `category` (the first, or the one `which` picks) with the preferred action. */
function fixOne(file: string, text: string, category: string, which: (f: Finding) => boolean = () => true): Applied {
  const targets = findingsOf(file, text, category).filter(which);
  assert.ok(targets.length > 0, `the engine reports a ${category} finding in ${file}`);
  const r = applyAction(file, text, targets[0], preferred);
  assertCleared(r, targets[0]);
  return r;
}

/** The source has findings of these rules, and every finding of it is cleared by its own preferred fix. */
function assertAllCleared(file: string, text: string, expectRules: string[]): void {
  const findings = findingsOf(file, text);
  for (const id of expectRules) assert.ok(findings.some((f) => f.ruleId === id), `expected ${id} in ${file}; got ${findings.map((f) => f.ruleId).join(', ')}`);
  for (const f of findings) assertCleared(applyAction(file, text, f, preferred), f);
}

function count(text: string, needle: string | RegExp): number {
  return typeof needle === 'string' ? text.split(needle).length - 1 : (text.match(new RegExp(needle.source, `${needle.flags}g`)) ?? []).length;
}

const V = '/virtual/fixes';

// ---------------------------------------------------------------------------------------------- sources

const PY_NET = `"""Web tools."""
import logging

import requests
from langchain_core.tools import tool

logger = logging.getLogger(__name__)


@tool
def fetch_page(url: str) -> str:
    """Fetch a page."""
    logger.info("fetch_page %s", url)
    return requests.get(url, timeout=10).text


@tool
def fetch_json(endpoint: str) -> dict:
    """Fetch JSON."""
    logger.info("fetch_json %s", endpoint)
    response = requests.get(endpoint.strip(), timeout=10)
    return response.json()
`;

const TS_NET = `import { tool } from 'ai';
import pino from 'pino';
import { z } from 'zod';

const logger = pino();

export const fetchUrl = tool({
  description: 'Fetch a page',
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ url }) => {
    logger.info({ url }, 'fetch');
    const res = await fetch(url);
    return res.text();
  },
});

export const fetchOther = tool({
  description: 'Fetch another page',
  inputSchema: z.object({ target: z.string() }),
  execute: async ({ target }) => {
    logger.info({ target }, 'fetch');
    const res = await fetch(target);
    return res.status;
  },
});
`;

const PY_FS = `import logging
import os

from agents import function_tool

logger = logging.getLogger("notes")

NOTES_ROOT = "/srv/notes"


@function_tool
def read_note(name: str) -> str:
    """Read a note."""
    logger.info("read_note %s", name)
    path = os.path.join(NOTES_ROOT, name)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@function_tool
def note_size(name: str) -> int:
    """Size of a note."""
    logger.info("note_size %s", name)
    return os.path.getsize(name)
`;

const TS_FS = `import { promises as fs } from 'node:fs';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import pino from 'pino';
import { z } from 'zod';

const logger = pino();
const server = new McpServer({ name: 'files', version: '1.0.0' });

server.registerTool('read_file', { inputSchema: { path: z.string() } }, async ({ path }) => {
  logger.info({ path }, 'read_file');
  const text = await fs.readFile(path, 'utf8');
  return { content: [{ type: 'text', text }] };
});

server.registerTool('list_dir', { inputSchema: { dir: z.string() } }, async ({ dir }) => {
  logger.info({ dir }, 'list_dir');
  const entries = await fs.readdir(dir);
  return { content: [{ type: 'text', text: entries.join('\\n') }] };
});
`;

const PY_SQL = `import logging
import sqlite3

from langchain_core.tools import tool

logger = logging.getLogger(__name__)
DB = "/var/lib/app.db"


@tool
def find_customer(name: str, limit: int = 10) -> list:
    """Find customers by name."""
    logger.info("find_customer %s", name)
    conn = sqlite3.connect(DB)
    return conn.execute(f"SELECT id, name FROM customers WHERE name = '{name}' LIMIT {limit}").fetchall()


@tool
def search_customers(term: str) -> list:
    """Search customers."""
    logger.info("search_customers %s", term)
    conn = sqlite3.connect(DB)
    query = "SELECT id FROM customers WHERE name LIKE '%" + term + "%'"
    return conn.execute(query).fetchall()
`;

const TS_SQL = `import { tool } from '@langchain/core/tools';
import { Pool } from 'pg';
import winston from 'winston';
import { z } from 'zod';

const db = new Pool();
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

export const searchCustomers = tool(
  async ({ query }) => {
    logger.info('search', { query });
    const result = await db.query(\`SELECT id, name FROM customers WHERE name = '\${query}'\`);
    return JSON.stringify(result.rows);
  },
  { name: 'search_customers', description: 'Search', schema: z.object({ query: z.string() }) },
);
`;

const PY_EXEC = `import logging
import subprocess

from mcp.server.fastmcp import FastMCP

logger = logging.getLogger(__name__)
mcp = FastMCP("ops")


@mcp.tool()
def run_command(command: str) -> str:
    """Run a command."""
    logger.info("run_command %s", command)
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


@mcp.tool()
def grep_logs(pattern: str) -> str:
    """Search logs."""
    logger.info("grep_logs %s", pattern)
    return subprocess.check_output(f"grep -r '{pattern}' /var/log/app", shell=True, text=True)


@mcp.tool()
def calculate(expression: str) -> str:
    """Evaluate arithmetic."""
    logger.info("calculate %s", expression)
    return str(eval(expression))
`;

const TS_EXEC = `import { execSync } from 'node:child_process';
import { Agent, tool } from '@openai/agents';
import pino from 'pino';
import { z } from 'zod';

const logger = pino();

const runShell = tool({
  name: 'run_shell',
  description: 'Run a shell command',
  parameters: z.object({ cmd: z.string() }),
  execute: async ({ cmd }) => execSync(cmd, { encoding: 'utf8' }),
});

const gitLog = tool({
  name: 'git_log',
  description: 'Show the log of a branch',
  parameters: z.object({ branch: z.string() }),
  execute: async ({ branch }) => {
    logger.info({ branch }, 'git_log');
    return execSync(\`git log --oneline '\${branch}'\`, { encoding: 'utf8' });
  },
});

const evaluate = tool({
  name: 'evaluate',
  description: 'Evaluate an expression',
  parameters: z.object({ expr: z.string() }),
  execute: async ({ expr }) => {
    logger.info({ expr }, 'evaluate');
    return String(eval(expr));
  },
});

export const agent = new Agent({ name: 'ops', tools: [runShell, gitLog, evaluate] });
`;

const PY_SECRET = `import logging
import os

from pydantic_ai import Agent

logger = logging.getLogger(__name__)
agent = Agent("openai:gpt-4o")


@agent.tool_plain
def get_config_value(name: str) -> str:
    """Read a configuration variable."""
    logger.info("get_config_value %s", name)
    return os.environ[name]
`;

const TS_SECRET = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const server = new McpServer({ name: 'env', version: '1.0.0' });

server.registerTool(
  'get_env',
  { inputSchema: { name: z.string() } },
  async ({ name }) => ({
    content: [{ type: 'text', text: process.env[name] ?? \`\${name} is not set\` }],
  }),
);
`;

const PY_CRED = `import logging
import os

from langchain_core.tools import tool

logger = logging.getLogger(__name__)


@tool
def aws_profile(profile: str) -> str:
    """Show an AWS profile."""
    logger.info("aws_profile %s", profile)
    with open(os.path.expanduser("~/.aws/credentials")) as fh:
        text = fh.read()
    return text.split(f"[{profile}]")[-1][:200]
`;

const TS_CRED = `import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { tool } from 'ai';
import pino from 'pino';
import { z } from 'zod';

const logger = pino();

export const sshKey = tool({
  description: 'Show the SSH key',
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ name }) => {
    logger.info({ name }, 'ssh');
    return readFileSync(\`\${homedir()}/.ssh/id_rsa\`, 'utf8');
  },
});
`;

const PY_SQL_DRIVERS = `import logging
import sqlite3

import psycopg2
from sqlalchemy import create_engine, text
from langchain_core.tools import tool

logger = logging.getLogger(__name__)
pg = psycopg2.connect("dbname=app")
warehouse = create_engine("postgresql://localhost/warehouse")


@tool
def by_status(status: str) -> list:
    """Orders by status."""
    logger.info("by_status %s", status)
    cur = pg.cursor()
    cur.execute("SELECT id FROM orders WHERE status = '%s' AND note LIKE '%%x'" % status)
    return cur.fetchall()


@tool
def local_notes(tag: str) -> list:
    """Local notes."""
    logger.info("local_notes %s", tag)
    with sqlite3.connect("notes.db") as conn:
        return conn.execute("SELECT body FROM notes WHERE tag = '{}'".format(tag)).fetchall()


@tool
def revenue(region: str) -> list:
    """Revenue of a region."""
    logger.info("revenue %s", region)
    stmt = text(f"SELECT month, amount FROM revenue WHERE region = '{region}'")
    with warehouse.connect() as conn:
        return list(conn.execute(stmt))
`;

const PY_SHELLS = `import logging
import os
import subprocess

import requests
from langchain_core.tools import tool

logger = logging.getLogger(__name__)


@tool
def run_script(script: str) -> str:
    """Run a script."""
    logger.info("run_script %s", script)
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout


@tool
def tail(name: str, lines: int = 20) -> str:
    """Tail a log."""
    logger.info("tail %s", name)
    return os.popen(f"tail -n {lines} /var/log/{name}").read()


@tool
def split_run(cmd: str) -> str:
    """Run a split command line."""
    logger.info("split_run %s", cmd)
    return subprocess.check_output(cmd.split(), text=True)


@tool
def fetch_if(url: str, enabled: bool = True) -> str:
    """Fetch when enabled."""
    logger.info("fetch_if %s", url)
    if enabled: return requests.get(url, timeout=10).text
    return ""
`;

const TS_SHELLS = `import { spawn } from 'node:child_process';
import { tool } from 'ai';
import pino from 'pino';
import { z } from 'zod';

const logger = pino();

export const startJob = tool({
  description: 'Start a job',
  inputSchema: z.object({ line: z.string() }),
  execute: async ({ line }) => {
    logger.info({ line }, 'start');
    const child = spawn(line, { shell: true });
    return child.pid;
  },
});
`;

const PY_TLS = `import logging

import requests
from langchain_core.tools import tool

logger = logging.getLogger(__name__)


@tool
def status() -> int:
    """Status of the inventory service."""
    logger.info("status")
    return requests.get("https://inventory.internal.example.com/health", verify=False).status_code
`;

const PY_SQL_MODEL = `import logging
import sqlite3

from langchain_core.tools import tool

logger = logging.getLogger(__name__)


@tool
def run_select(query: str) -> list:
    """Run a query the model writes."""
    logger.info("run_select %s", query)
    conn = sqlite3.connect("/srv/app.db")
    return conn.execute(query).fetchall()


@tool
def sorted_orders(order_by: str) -> list:
    """Orders sorted by a column."""
    logger.info("sorted_orders %s", order_by)
    conn = sqlite3.connect("/srv/app.db")
    return conn.execute(f"SELECT id, total FROM orders ORDER BY {order_by} LIMIT 20").fetchall()
`;

const TS_SQL_MODEL = `import Database from 'better-sqlite3';
import { tool } from 'ai';
import pino from 'pino';
import { z } from 'zod';

const logger = pino();

export const runSelect = tool({
  description: 'Run a query the model writes',
  inputSchema: z.object({ sql: z.string() }),
  execute: async ({ sql }) => {
    logger.info({ sql }, 'runSelect');
    const db = new Database('app.db');
    return db.prepare(sql).all();
  },
});
`;

const PY_TXN_OPENAI = `import logging
import os

from agents import function_tool

logger = logging.getLogger(__name__)
EXPORTS = "/srv/exports"


@function_tool
def delete_export(filename: str) -> str:
    """Delete an export."""
    logger.info("delete_export %s", filename)
    os.remove(os.path.join(EXPORTS, os.path.basename(filename)))
    return "deleted"
`;

const PY_TXN_LANGGRAPH = `import logging
import smtplib
from email.message import EmailMessage

from langgraph.prebuilt import create_react_agent

logger = logging.getLogger(__name__)


def send_email(to: str, body: str) -> str:
    """Send an email."""
    logger.info("send_email %s", to)
    msg = EmailMessage()
    msg["To"] = to
    msg.set_content(body)
    with smtplib.SMTP("smtp.example.com", 587) as smtp:
        smtp.send_message(msg)
    return "sent"


agent = create_react_agent("openai:gpt-4o", tools=[send_email])
`;

const PY_TXN_MCP = `import logging
import shutil

from mcp.server.fastmcp import Context, FastMCP

logger = logging.getLogger(__name__)
mcp = FastMCP("files")
ROOT = "/srv/data"


@mcp.tool()
def purge_cache() -> str:
    """Remove the cache folder."""
    logger.info("purge_cache")
    shutil.rmtree("/srv/data/cache")
    return "purged"


@mcp.tool()
async def purge_logs(ctx: Context) -> str:
    """Remove the logs folder."""
    logger.info("purge_logs")
    shutil.rmtree("/srv/data/logs")
    return "purged"
`;

const TS_TXN = `import { createTool } from '@mastra/core/tools';
import { tool } from 'ai';
import pino from 'pino';
import Stripe from 'stripe';
import { z } from 'zod';

const logger = pino();
const stripe = new Stripe(process.env.STRIPE_KEY ?? '');

export const charge = createTool({
  id: 'charge',
  description: 'Charge a customer',
  inputSchema: z.object({ customer: z.string(), amount: z.number() }),
  execute: async ({ context }) => {
    logger.info({ context }, 'charge');
    return stripe.paymentIntents.create({ amount: context.amount, currency: 'usd', customer: context.customer, confirm: true });
  },
});

export const refund = tool({
  description: 'Refund a payment',
  inputSchema: z.object({ payment: z.string() }),
  execute: async ({ payment }) => {
    logger.info({ payment }, 'refund');
    return stripe.refunds.create({ payment_intent: payment });
  },
});
`;

const PY_AUDIT = `import requests
from langchain_core.tools import tool

BASE = "https://api.example.com/v1/"


@tool
def get_weather(city: str) -> str:
    """Weather for a city."""
    return requests.get(BASE + "weather", params={"q": city}, timeout=10).text


@tool
def get_forecast(city: str, days: int = 3) -> str:
    """Forecast for a city."""
    return requests.get(BASE + "forecast", params={"q": city, "days": days}, timeout=10).text
`;

const TS_AUDIT = `import { tool } from 'ai';
import { z } from 'zod';

export const getWeather = tool({
  description: 'Weather for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => fetch(\`https://api.example.com/v1/weather?q=\${encodeURIComponent(city)}\`).then((r) => r.text()),
});

export const getForecast = tool({
  description: 'Forecast for a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    const res = await fetch(\`https://api.example.com/v1/forecast?q=\${encodeURIComponent(city)}\`);
    return res.text();
  },
});
`;

// ---------------------------------------------------------------------------------------------- tests

describe('quick fixes', function () {
  before(async function () {
    await initParsers();
    engine = await createEngine();
  });

  describe('net', function () {
    it('Python: a host allowlist check before the request, the URL parsed with urllib.parse', function () {
      const file = `${V}/net_tools.py`;
      assertAllCleared(file, PY_NET, ['net/unscoped-request']);
      const r = fixOne(file, PY_NET, 'net');
      assert.match(r.text, /ALLOWED_HOSTS = frozenset\(\{/);
      assert.match(r.text, /^import urllib\.parse$/m);
      assert.match(r.text, /\n    if urllib\.parse\.urlparse\(url\)\.hostname not in ALLOWED_HOSTS:\n        raise PermissionError\(/);
    });

    it('TS: new URL(...).hostname checked against a Set before fetch', function () {
      const file = `${V}/net_tools.ts`;
      assertAllCleared(file, TS_NET, ['net/unscoped-request']);
      const r = fixOne(file, TS_NET, 'net');
      assert.match(r.text, /const ALLOWED_HOSTS = new Set<string>\(\[/);
      assert.match(r.text, /\n    if \(!ALLOWED_HOSTS\.has\(new URL\(url\)\.hostname\)\) \{\n      throw new Error\(/);
    });

    it('a second fix reuses the allowlist and the import the first added', function () {
      const file = `${V}/net_twice.py`;
      const first = fixOne(file, PY_NET, 'net', (f) => f.tool.name === 'fetch_page');
      const second = fixOne(file, first.text, 'net', (f) => f.tool.name === 'fetch_json');
      assert.equal(count(second.text, 'ALLOWED_HOSTS = '), 1);
      assert.equal(count(second.text, /^import urllib\.parse$/m), 1);
      assert.equal(count(second.text, 'not in ALLOWED_HOSTS'), 2);
      assert.deepEqual(findingsOf(file, second.text, 'net'), []);
      const tsFile = `${V}/net_twice.ts`;
      const t1 = fixOne(tsFile, TS_NET, 'net', (f) => f.tool.name === 'fetchUrl');
      const t2 = fixOne(tsFile, t1.text, 'net', (f) => f.tool.name === 'fetchOther');
      assert.equal(count(t2.text, 'const ALLOWED_HOSTS'), 1);
    });
  });

  describe('existing allowlists', function () {
    it('an existing ALLOWED_HOSTS array in TS is checked with includes(), not has()', function () {
      const withArray = TS_NET.replace('const logger = pino();', "const logger = pino();\nconst ALLOWED_HOSTS = ['api.example.com'];");
      const r = fixOne(`${V}/net_array.ts`, withArray, 'net', (f) => f.tool.name === 'fetchUrl');
      assert.match(r.text, /if \(!ALLOWED_HOSTS\.includes\(new URL\(url\)\.hostname\)\) \{/);
      assert.equal(count(r.text, 'ALLOWED_HOSTS ='), 1);
    });
  });

  describe('fs', function () {
    it('Python: resolve under the root the path was joined to, check is_relative_to, use the resolved path', function () {
      const file = `${V}/fs_tools.py`;
      assertAllCleared(file, PY_FS, ['fs/unscoped-path']);
      const r = fixOne(file, PY_FS, 'fs', (f) => f.tool.name === 'read_note');
      assert.match(r.text, /^ALLOWED_ROOT = Path\(NOTES_ROOT\)\.resolve\(\)$/m);
      assert.match(r.text, /^from pathlib import Path$/m);
      assert.ok(r.text.indexOf('NOTES_ROOT = ') < r.text.indexOf('ALLOWED_ROOT = '), 'the root constant follows the constant it uses');
      assert.match(r.text, /resolved = Path\(path\)\.resolve\(\)\n    if not resolved\.is_relative_to\(ALLOWED_ROOT\):/);
      assert.match(r.text, /with open\(resolved, encoding="utf-8"\)/);
    });

    it('TS: path.resolve + path.relative, with node:path imported under a name the tool does not shadow', function () {
      const file = `${V}/fs_tools.ts`;
      assertAllCleared(file, TS_FS, ['fs/unscoped-path']);
      const r = fixOne(file, TS_FS, 'fs', (f) => f.tool.name === 'read_file');
      // The handler's own parameter is called `path`, so the module is imported as nodePath.
      assert.match(r.text, /^import \* as nodePath from 'node:path';$/m);
      assert.match(r.text, /const relativePath = nodePath\.relative\(ALLOWED_ROOT, resolved\);/);
      assert.match(r.text, /fs\.readFile\(resolved, 'utf8'\)/);
    });

    it('a second fix reuses ALLOWED_ROOT and the path import', function () {
      const file = `${V}/fs_twice.ts`;
      const first = fixOne(file, TS_FS, 'fs', (f) => f.tool.name === 'read_file');
      const second = fixOne(file, first.text, 'fs', (f) => f.tool.name === 'list_dir');
      assert.equal(count(second.text, 'const ALLOWED_ROOT'), 1);
      assert.equal(count(second.text, "from 'node:path'"), 1);
    });
  });

  describe('sql', function () {
    it('Python: f-string and concatenation become constant SQL with ? parameters (sqlite3)', function () {
      const file = `${V}/sql_tools.py`;
      assertAllCleared(file, PY_SQL, ['sql/unscoped-query']);
      const r = fixOne(file, PY_SQL, 'sql', (f) => f.tool.name === 'find_customer');
      assert.match(r.text, /conn\.execute\("SELECT id, name FROM customers WHERE name = \? LIMIT \?", \(name, limit\)\)/);
      const c = fixOne(file, PY_SQL, 'sql', (f) => f.tool.name === 'search_customers');
      assert.match(c.text, /query = "SELECT id FROM customers WHERE name LIKE \?"\n/);
      assert.match(c.text, /conn\.execute\(query, \(f"%\{term\}%",\)\)/);
    });

    it('TS: a template literal becomes a $1 query with the values array (pg)', function () {
      const file = `${V}/sql_tools.ts`;
      assertAllCleared(file, TS_SQL, ['sql/unscoped-query']);
      const r = fixOne(file, TS_SQL, 'sql');
      assert.match(r.text, /db\.query\('SELECT id, name FROM customers WHERE name = \$1', \[query\]\)/);
    });
  });

  describe('sql: names and model-written SQL', function () {
    it('Python: a name is replaced by the allowlisted constant it equals; whole SQL gets a read-only connection and a table check', function () {
      const file = `${V}/sql_model.py`;
      assertAllCleared(file, PY_SQL_MODEL, ['sql/unscoped-query']);
      const whole = fixOne(file, PY_SQL_MODEL, 'sql', (f) => f.tool.name === 'run_select');
      assert.match(whole.text, /conn = sqlite3\.connect\("file:\/srv\/app\.db\?mode=ro", uri=True\)/);
      assert.match(whole.text, /if not all\(table in ALLOWED_TABLES for table in sql_tables\(query\)\):\n        raise PermissionError/);
      const named = fixOne(file, PY_SQL_MODEL, 'sql', (f) => f.tool.name === 'sorted_orders');
      assert.match(named.text, /column_name = next\(\(allowed for allowed in ALLOWED_COLUMNS if allowed == order_by\), None\)\n    if column_name is None:/);
      assert.match(named.text, /conn\.execute\(f"SELECT id, total FROM orders ORDER BY \{column_name\} LIMIT 20"\)/);
    });

    it('TS: better-sqlite3 opened read-only, tables checked with every()', function () {
      const file = `${V}/sql_model.ts`;
      assertAllCleared(file, TS_SQL_MODEL, ['sql/unscoped-query']);
      const r = fixOne(file, TS_SQL_MODEL, 'sql');
      assert.match(r.text, /new Database\('app\.db', \{ readonly: true \}\)/);
      assert.match(r.text, /if \(!sqlTables\(sql\)\.every\(\(table\) => ALLOWED_TABLES\.has\(table\)\)\) \{/);
    });
  });

  describe('exec', function () {
    it('Python: shell strings become argument lists (split + ALLOWED_PROGRAMS, or the constant program); eval is refused', function () {
      const file = `${V}/exec_tools.py`;
      assertAllCleared(file, PY_EXEC, ['exec/model-controlled-command', 'exec/model-controlled-code']);
      const r = fixOne(file, PY_EXEC, 'exec', (f) => f.tool.name === 'run_command');
      assert.match(r.text, /program, \*program_args = shlex\.split\(command\)\n    if program not in ALLOWED_PROGRAMS:/);
      assert.match(r.text, /subprocess\.run\(\[program, \*program_args\], shell=False,/);
      const g = fixOne(file, PY_EXEC, 'exec', (f) => f.tool.name === 'grep_logs');
      assert.match(g.text, /subprocess\.check_output\(\["grep", "-r", pattern, "\/var\/log\/app"\], shell=False, text=True\)/);
      const e = fixOne(file, PY_EXEC, 'exec', (f) => f.tool.name === 'calculate');
      assert.match(e.text, /raise PermissionError\("running model-written code is disabled for this tool"\)\n    return str\(eval\(expression\)\)/);
    });

    it('TS: execSync becomes execFileSync with an argument array; the expression-bodied arrow gets a block body', function () {
      const file = `${V}/exec_tools.ts`;
      assertAllCleared(file, TS_EXEC, ['exec/model-controlled-command', 'exec/model-controlled-code', 'audit/no-audit-record']);
      const r = fixOne(file, TS_EXEC, 'exec', (f) => f.tool.name === 'runShell');
      assert.match(r.text, /^import \{ execSync, execFileSync \} from 'node:child_process';$/m);
      assert.match(r.text, /execute: async \(\{ cmd \}\) => \{\n    const \[program = '', \.\.\.programArgs\] = splitCommandLine\(cmd\);\n    if \(!ALLOWED_PROGRAMS\.has\(program\)\) \{/);
      assert.match(r.text, /return execFileSync\(program, programArgs, \{ encoding: 'utf8' \}\);\n  \},/);
      const g = fixOne(file, TS_EXEC, 'exec', (f) => f.tool.name === 'gitLog');
      assert.match(g.text, /execFileSync\('git', \['log', '--oneline', branch\], \{ encoding: 'utf8' \}\)/);
    });
  });

  describe('secret', function () {
    it('Python: ALLOWED_ENV_KEYS checked before os.environ[...]', function () {
      const file = `${V}/secret_tools.py`;
      assertAllCleared(file, PY_SECRET, ['secret/model-chosen-key']);
      const r = fixOne(file, PY_SECRET, 'secret');
      assert.match(r.text, /if name not in ALLOWED_ENV_KEYS:\n        raise PermissionError/);
    });

    it('TS: ALLOWED_ENV_KEYS checked before process.env[...], inside a new block body', function () {
      const file = `${V}/secret_tools.ts`;
      assertAllCleared(file, TS_SECRET, ['secret/model-chosen-key', 'audit/no-audit-record']);
      const r = fixOne(file, TS_SECRET, 'secret');
      assert.match(r.text, /async \(\{ name \}\) => \{\n    if \(!ALLOWED_ENV_KEYS\.has\(name\)\) \{\n      throw new Error\(`environment variable not allowed: \$\{name\}`\);\n    \}\n    return \{\n      content:/);
    });
  });

  describe('secret: credential stores', function () {
    it('a read of ~/.aws/credentials or ~/.ssh is refused with a comment (no safe rewrite), in Python and TS', function () {
      const py = `${V}/cred_tools.py`;
      assertAllCleared(py, PY_CRED, ['secret/credential-store-read']);
      assert.match(fixOne(py, PY_CRED, 'secret').text, /# Agent Boundary: .*\n    # .*\n    raise PermissionError\("reading credential stores is disabled for agent tools"\)\n    with open\(/);
      const ts = `${V}/cred_tools.ts`;
      assertAllCleared(ts, TS_CRED, ['secret/credential-store-read']);
      assert.match(fixOne(ts, TS_CRED, 'secret').text, /\n    throw new Error\('reading credential stores is disabled for agent tools'\);\n    return readFileSync/);
    });
  });

  describe('txn', function () {
    it('OpenAI Agents Python: @function_tool(needs_approval=True)', function () {
      const file = `${V}/txn_openai.py`;
      assertAllCleared(file, PY_TXN_OPENAI, ['txn/destructive-action-without-approval']);
      const r = fixOne(file, PY_TXN_OPENAI, 'txn');
      assert.match(r.text, /^@function_tool\(needs_approval=True\)$/m);
    });

    it('LangGraph: interrupt() and a decision check at the top of the tool', function () {
      const file = `${V}/txn_langgraph.py`;
      assertAllCleared(file, PY_TXN_LANGGRAPH, ['txn/message-without-approval']);
      const r = fixOne(file, PY_TXN_LANGGRAPH, 'txn');
      assert.match(r.text, /^from langgraph\.types import interrupt$/m);
      // After the docstring and the leading log record, so refused calls are still recorded.
      assert.match(r.text, /"""Send an email\."""\n    logger\.info\("send_email %s", to\)\n    # Agent Boundary: .*\n    decision = interrupt\(\{"action": "send_email", "args": \{"to": to, "body": body\}\}\)/);
    });

    it('FastMCP: ctx.elicit() when the tool takes a Context, else a request_approval() stub', function () {
      const file = `${V}/txn_mcp.py`;
      assertAllCleared(file, PY_TXN_MCP, ['txn/destructive-action-without-approval']);
      const stub = fixOne(file, PY_TXN_MCP, 'txn', (f) => f.tool.name === 'purge_cache');
      assert.match(stub.text, /^def request_approval\(action, details\):$/m);
      assert.match(stub.text, /raise NotImplementedError\(/);
      assert.match(stub.text, /if not request_approval\("purge_cache", \{\}\):/);
      const elicit = fixOne(file, PY_TXN_MCP, 'txn', (f) => f.tool.name === 'purge_logs');
      assert.match(elicit.text, /approval = await ctx\.elicit\(message="Allow purge_logs\?", schema=ApprovalDecision\)/);
      assert.match(elicit.text, /^class ApprovalDecision\(BaseModel\):$/m);
    });

    it('TS: needsApproval: true on an AI SDK tool; an awaited requestApproval() stub elsewhere', function () {
      const file = `${V}/txn_tools.ts`;
      assertAllCleared(file, TS_TXN, ['txn/payment-without-approval']);
      const r = fixOne(file, TS_TXN, 'txn', (f) => f.tool.name === 'refund');
      assert.match(r.text, /  inputSchema: z\.object\(\{ payment: z\.string\(\) \}\),\n  needsApproval: true,\n  execute:/);
      const m = fixOne(file, TS_TXN, 'txn', (f) => f.tool.name === 'charge');
      assert.match(m.text, /if \(!\(await requestApproval\('charge', \{ context \}\)\)\) \{/);
    });
  });

  describe('audit', function () {
    it('Python: creates one module logger, then reuses it for the next tool', function () {
      const file = `${V}/audit_tools.py`;
      assertAllCleared(file, PY_AUDIT, ['audit/no-audit-record']);
      const first = fixOne(file, PY_AUDIT, 'audit', (f) => f.tool.name === 'get_weather');
      assert.match(first.text, /^import logging$/m);
      assert.match(first.text, /^logger = logging\.getLogger\(__name__\)$/m);
      assert.match(first.text, /"""Weather for a city\."""\n    logger\.info\("agent tool call: %s %r", "get_weather", \{"city": city\}\)/);
      const second = fixOne(file, first.text, 'audit', (f) => f.tool.name === 'get_forecast');
      assert.equal(count(second.text, /^import logging$/m), 1);
      assert.equal(count(second.text, 'getLogger('), 1);
      assert.match(second.text, /logger\.info\("agent tool call: %s %r", "get_forecast", \{"city": city, "days": days\}\)/);
    });

    it("Python: a logger the module imports or gets from its own get_logger() is called stdlib-style", function () {
      const imported = PY_AUDIT.replace('from langchain_core.tools import tool', 'from langchain_core.tools import tool\n\nfrom .observability import log');
      const r = fixOne(`${V}/audit_imported.py`, imported, 'audit', (f) => f.tool.name === 'get_weather');
      assert.match(r.text, /log\.info\("agent tool call: %s %r", "get_weather", \{"city": city\}\)/);
      assert.doesNotMatch(r.text, /getLogger/);
      const helper = PY_AUDIT.replace('from langchain_core.tools import tool', 'from langchain_core.tools import tool\n\nfrom .observability import get_logger\n\nlogger = get_logger(__name__)');
      const h = fixOne(`${V}/audit_helper.py`, helper, 'audit', (f) => f.tool.name === 'get_weather');
      assert.match(h.text, /logger\.info\("agent tool call: %s %r", "get_weather", \{"city": city\}\)/);
    });

    it("TS: the module's pino/winston logger, else one audit() helper writing JSON lines", function () {
      const file = `${V}/audit_tools.ts`;
      assertAllCleared(file, TS_AUDIT, ['audit/no-audit-record']);
      const first = fixOne(file, TS_AUDIT, 'audit', (f) => f.tool.name === 'getWeather');
      assert.match(first.text, /^function audit\(event: string, fields: Record<string, unknown>\): void \{$/m);
      assert.match(first.text, /execute: async \(\{ city \}\) => \{\n    audit\('agent tool call', \{ tool: 'getWeather', args: \{ city \} \}\);\n    return fetch\(/);
      const second = fixOne(file, first.text, 'audit', (f) => f.tool.name === 'getForecast');
      assert.equal(count(second.text, 'function audit('), 1);
      const withPino = TS_AUDIT.replace("import { z } from 'zod';", "import pino from 'pino';\nimport { z } from 'zod';\n\nconst log = pino();");
      const p = fixOne(`${V}/audit_pino.ts`, withPino, 'audit');
      assert.match(p.text, /log\.info\(\{ tool: 'getWeather', args: \{ city \} \}, 'agent tool call'\);/);
      assert.doesNotMatch(p.text, /function audit/);
    });
  });

  describe('drivers, shells and layouts', function () {
    it('SQL placeholders follow the connection: psycopg2 %s (with % doubled), sqlite3 ?, SQLAlchemy text() :name', function () {
      const file = `${V}/sql_drivers.py`;
      assertAllCleared(file, PY_SQL_DRIVERS, ['sql/unscoped-query']);
      const pg = fixOne(file, PY_SQL_DRIVERS, 'sql', (f) => f.tool.name === 'by_status');
      assert.match(pg.text, /cur\.execute\("SELECT id FROM orders WHERE status = %s AND note LIKE '%%x'", \(status,\)\)/);
      const lite = fixOne(file, PY_SQL_DRIVERS, 'sql', (f) => f.tool.name === 'local_notes');
      assert.match(lite.text, /conn\.execute\("SELECT body FROM notes WHERE tag = \?", \(tag,\)\)/);
      const sa = fixOne(file, PY_SQL_DRIVERS, 'sql', (f) => f.tool.name === 'revenue');
      assert.match(sa.text, /stmt = text\("SELECT month, amount FROM revenue WHERE region = :p1"\)/);
      assert.match(sa.text, /conn\.execute\(stmt, \{"p1": region\}\)/);
    });

    it('shell scripts and command strings run without a shell; a one-line if body is split to take the guard', function () {
      const file = `${V}/shells.py`;
      assertAllCleared(file, PY_SHELLS, ['exec/model-controlled-command', 'net/unscoped-request']);
      const sh = fixOne(file, PY_SHELLS, 'exec', (f) => f.tool.name === 'run_script');
      assert.match(sh.text, /program, \*program_args = shlex\.split\(script\)/);
      assert.match(sh.text, /subprocess\.run\(\[program, \*program_args\], capture_output=True, text=True\)/);
      const tail = fixOne(file, PY_SHELLS, 'exec', (f) => f.tool.name === 'tail');
      assert.match(tail.text, /subprocess\.Popen\(\["tail", "-n", \*shlex\.split\(lines\), f"\/var\/log\/\{name\}"\], stdout=subprocess\.PIPE, text=True\)\.stdout\.read\(\)/);
      const split = fixOne(file, PY_SHELLS, 'exec', (f) => f.tool.name === 'split_run');
      assert.match(split.text, /program, \*program_args = cmd\.split\(\)\n    if program not in ALLOWED_PROGRAMS:/);
      assert.match(split.text, /subprocess\.check_output\(\[program, \*program_args\], text=True\)/);
      const net = fixOne(file, PY_SHELLS, 'net', (f) => f.tool.name === 'fetch_if');
      assert.match(net.text, /    if enabled:\n        if urllib\.parse\.urlparse\(url\)\.hostname not in ALLOWED_HOSTS:\n            raise PermissionError\(f"host not allowed: \{url!r\}"\)\n        return requests\.get/);
      const ts = `${V}/shells.ts`;
      assertAllCleared(ts, TS_SHELLS, ['exec/model-controlled-command']);
      assert.match(fixOne(ts, TS_SHELLS, 'exec').text, /const child = spawn\(program, programArgs, \{ shell: false \}\);/);
    });

    it("TLS verification switched back on ('tls/verification-disabled')", function () {
      const file = `${V}/tls.py`;
      assertAllCleared(file, PY_TLS, ['tls/verification-disabled']);
      assert.match(fixOne(file, PY_TLS, 'tls').text, /verify=True\)\.status_code/);
    });
  });

  describe('style', function () {
    it('matches the file: tabs and single quotes in Python; CRLF line endings and no semicolons in TS', function () {
      const tabbed = PY_NET.replace(/"/g, "'").replace(/^( {4})+/gm, (m) => '\t'.repeat(m.length / 4));
      const r = fixOne(`${V}/style_tabs.py`, tabbed, 'net');
      assert.match(r.text, /\n\tif urllib\.parse\.urlparse\(url\)\.hostname not in ALLOWED_HOSTS:\n\t\traise PermissionError\(f'host not allowed: \{url!r\}'\)\n/);
      assert.match(r.text, /^\t# 'api\.example\.com',$/m);
      const bare = TS_AUDIT.replace(/;$/gm, '');
      const b = fixOne(`${V}/style_nosemi.ts`, bare, 'audit');
      assert.doesNotMatch(b.text, /;$/m, 'no semicolons added to a file that uses none');
      const crlf = TS_NET.replace(/\n/g, '\r\n');
      const t = fixOne(`${V}/style_crlf.ts`, crlf, 'net');
      assert.doesNotMatch(t.text.replace(/\r\n/g, ''), /\n/, 'every inserted line ends with CRLF');
    });
  });

  describe('suppression', function () {
    it('every finding gets a suppression comment above its line that silences it', function () {
      for (const [file, text] of [
        [`${V}/suppress.py`, PY_NET],
        [`${V}/suppress.ts`, TS_EXEC],
      ] as const) {
        for (const f of findingsOf(file, text)) {
          const r = applyAction(file, text, f, (a) => a.find((x) => x.title === 'Suppress on this line (with a reason)'));
          assert.ok(!r.action.isPreferred);
          const comment = r.text.split('\n')[f.span.start.line];
          assert.match(comment, new RegExp(`^\\s*(#|//) agent-boundary: ignore\\[${f.category}\\] <reason: fill in>$`));
          assert.equal(/^\s*/.exec(comment)![0], /^\s*/.exec(text.split('\n')[f.span.start.line])![0], 'indented like the finding');
          const same = r.after.find((g) => g.fingerprint === f.fingerprint);
          assert.ok(same?.suppressed, `${f.ruleId} at line ${f.span.start.line + 1} is silenced`);
          assert.ok(r.errorsAfter <= r.errorsBefore);
        }
      }
    });

    it('no action for diagnostics that are not ours to fix, and no crash on junk data', function () {
      const actions = codeActionsFor({
        uri: 'file:///x.py',
        text: 'x = 1\n',
        languageId: 'python',
        diagnostics: [
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', code: 'meta/suppression-without-reason', data: { ruleId: 'meta/suppression-without-reason', fingerprint: 'f' } },
          { message: 'no range', code: 'net/unscoped-request', data: { ruleId: 'net/unscoped-request', fingerprint: 'f' } } as unknown as Diagnostic,
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', code: 'net/unscoped-request', data: { ruleId: 'net/unscoped-request', fingerprint: 'f', fix: { category: 'net', language: 'python', tool: { name: 't', framework: 'x', nameSpan: { start: { line: 9, col: 0 }, end: { line: 9, col: 1 } }, span: { start: { line: 9, col: 0 }, end: { line: 9, col: 1 } } } } } },
        ],
      });
      assert.deepEqual(actions.map((a) => a.title), ['Suppress on this line (with a reason)']);
    });
  });

  describe('cleared share (measured, printed)', function () {
    function sources(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? sources(p) : /\.(py|ts|tsx|js|mjs|cjs)$/.test(name) ? [p] : [];
      });
    }

    /** Preferred fixes over every finding of a corpus; each one offered must leave the file parsing as before. */
    function measure(label: string, files: string[]): void {
      let total = 0;
      let cleared = 0;
      const missed: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const f of findingsOf(file, text)) {
          total++;
          const where = `${file.slice(ROOT.length + 1)}:${f.span.start.line + 1} ${f.ruleId} (${f.tool.name})`;
          const action = preferred(actionsFor(file, text, f));
          if (!action) {
            missed.push(`${where}: no fix`);
            continue;
          }
          const fixed = applyEdits(text, action.edit!.changes![`file://${file}`]);
          const before = analyse(file, text);
          const after = analyse(file, fixed);
          assert.ok(after.errors <= before.errors, `${where}: "${action.title}" added syntax errors`);
          const known = new Set(before.findings.map((g) => g.fingerprint));
          const still = open(after.findings).some((g) => g.fingerprint === f.fingerprint);
          const added = open(after.findings).filter((g) => !known.has(g.fingerprint));
          if (!still && added.length === 0) cleared++;
          else missed.push(`${where}: "${action.title}" ${still ? 'did not clear it' : ''}${added.length ? ` added ${added.map((g) => g.ruleId).join(', ')}` : ''}`);
        }
      }
      const share = total ? ((100 * cleared) / total).toFixed(1) : 'n/a';
      console.log(`      ${label}: ${cleared}/${total} findings cleared by their preferred fix (${share}%)`);
      for (const m of missed) console.log(`        not cleared: ${m}`);
    }

    it('over test/fixtures', function () {
      this.timeout(300_000);
      measure('test/fixtures', sources(join(ROOT, 'test', 'fixtures')));
    });

    it('over the dev corpus (../shared/bench/dev/cases)', function () {
      this.timeout(300_000);
      if (!existsSync(DEV_CASES)) {
        console.log(`      skipped: ${DEV_CASES} is absent (the shared dev corpus is not part of the repository)`);
        this.skip();
      }
      measure('dev corpus', sources(DEV_CASES));
    });
  });
});
