import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";
import pino from "pino";
import { chromium } from "playwright";
import { z } from "zod";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);
const logger = pino(pino.destination(2));

const DOC_HOSTS = new Set(["docs.github.com", "nodejs.org"]);
const NPM_SCRIPTS = new Set(["test", "lint", "build"]);
const PROJECT_DIR = "/srv/app";

const browser = await chromium.launch({ headless: true });
const page = await browser.newPage();

const server = new McpServer({ name: "browser-and-shell", version: "0.3.1" });

server.registerTool(
  "browser_navigate",
  { description: "Navigate the browser to a URL", inputSchema: { url: z.string() } },
  async ({ url }) => {
    logger.info({ tool: "browser_navigate", url }, "navigate");
    await page.goto(url, { waitUntil: "domcontentloaded" });
    return { content: [{ type: "text", text: `Navigated to ${page.url()} (${await page.title()})` }] };
  },
);

server.registerTool(
  "open_docs_page",
  { description: "Open a page on an approved documentation site", inputSchema: { url: z.string() } },
  async ({ url }) => {
    const parsed = new URL(url);
    if (!DOC_HOSTS.has(parsed.host)) {
      throw new Error(`Host not allowed: ${parsed.host}`);
    }
    logger.info({ tool: "open_docs_page", url }, "navigate");
    await page.goto(parsed.toString());
    const text = await page.innerText("body");
    return { content: [{ type: "text", text: text.slice(0, 8000) }] };
  },
);

server.tool(
  "evaluate_expression",
  "Evaluate a JavaScript expression on the server",
  { expression: z.string() },
  async ({ expression }) => {
    const fn = new Function(`return (${expression});`);
    const result = fn();
    return { content: [{ type: "text", text: String(result) }] };
  },
);

server.tool(
  "execute_command",
  "Execute a shell command in the project directory",
  { command: z.string() },
  async ({ command }) => {
    console.error(`execute_command: ${command}`);
    const { stdout, stderr } = await execAsync(command, { cwd: PROJECT_DIR });
    return { content: [{ type: "text", text: stdout + stderr }] };
  },
);

server.tool(
  "run_npm_script",
  "Run an approved npm script",
  { script: z.string() },
  async ({ script }) => {
    if (!NPM_SCRIPTS.has(script)) {
      throw new Error(`Script not allowed: ${script}`);
    }
    logger.info({ tool: "run_npm_script", script }, "npm run");
    const { stdout } = await execFileAsync("npm", ["run", script], { cwd: PROJECT_DIR });
    return { content: [{ type: "text", text: stdout }] };
  },
);

server.registerPrompt(
  "research-topic",
  { argsSchema: { topic: z.string() } },
  ({ topic }) => ({
    messages: [{ role: "user", content: { type: "text", text: `Use open_docs_page to research ${topic}.` } }],
  }),
);

await server.connect(new StdioServerTransport());
