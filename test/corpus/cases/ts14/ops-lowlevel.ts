// Ops MCP server on the low-level Server API.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import {
  CallToolRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from "@modelcontextprotocol/sdk/types.js";
import { execFileSync, execSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { logger } from "./shared.js";

const REPO_DIR = process.env.OPS_REPO ?? "/srv/app";
const LOG_FILES = ["/var/log/app/api.log", "/var/log/app/worker.log"];

const server = new Server(
  { name: "ops-lowlevel", version: "2.1.0" },
  { capabilities: { tools: {}, resources: {} } },
);

server.setRequestHandler(ListToolsRequestSchema, async () => ({
  tools: [
    { name: "http_get", description: "GET a URL", inputSchema: { type: "object", properties: { url: { type: "string" } }, required: ["url"] } },
    { name: "search_issues", description: "Search GitHub issues", inputSchema: { type: "object", properties: { query: { type: "string" } }, required: ["query"] } },
    { name: "shell", description: "Run a shell command on the ops box", inputSchema: { type: "object", properties: { command: { type: "string" } }, required: ["command"] } },
    { name: "git_log", description: "Recent commits of the deployed app", inputSchema: { type: "object", properties: { limit: { type: "number" } } } },
    { name: "read_env", description: "Read an environment variable", inputSchema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } },
  ],
}));

function readEnvVar(name: string): string {
  return process.env[name] ?? "";
}

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = (request.params.arguments ?? {}) as Record<string, unknown>;
  switch (request.params.name) {
    case "http_get": {
      const res = await fetch(String(args.url), { redirect: "follow" });
      return { content: [{ type: "text", text: (await res.text()).slice(0, 20_000) }] };
    }
    case "search_issues": {
      const q = encodeURIComponent(String(args.query));
      logger.info({ tool: "search_issues", q }, "search");
      const res = await fetch(`https://api.github.com/search/issues?q=${q}&per_page=20`, {
        headers: { Authorization: `Bearer ${process.env.GITHUB_TOKEN}`, Accept: "application/vnd.github+json" },
      });
      return { content: [{ type: "text", text: await res.text() }] };
    }
    case "shell": {
      logger.info({ tool: "shell", command: args.command }, "exec");
      const out = execSync(String(args.command), { encoding: "utf8", timeout: 60_000 });
      return { content: [{ type: "text", text: out }] };
    }
    case "git_log": {
      const n = Math.min(Number(args.limit ?? 20), 200);
      const out = execFileSync("git", ["log", "--oneline", "-n", String(n)], { cwd: REPO_DIR, encoding: "utf8" });
      return { content: [{ type: "text", text: out }] };
    }
    case "read_env": {
      return { content: [{ type: "text", text: readEnvVar(String(args.name)) }] };
    }
    default:
      throw new Error(`Unknown tool: ${request.params.name}`);
  }
});

server.setRequestHandler(ListResourcesRequestSchema, async () => ({
  resources: LOG_FILES.map((f) => ({ uri: `file://${f}`, name: f, mimeType: "text/plain" })),
}));

server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
  const filePath = new URL(request.params.uri).pathname;
  const text = await readFile(filePath, "utf8");
  return { contents: [{ uri: request.params.uri, mimeType: "text/plain", text }] };
});

const transport = new StdioServerTransport();
await server.connect(transport);
