import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { promises as fs } from "node:fs";
import { z } from "zod";
import { config } from "../config";
import { purgeTmpUploads } from "../jobs/cleanup";
import { readLogFile, resolveInside } from "../lib/files";
import { logger } from "../lib/logger";
import { runShell } from "../lib/shell";

const server = new McpServer({ name: "storefront-dev", version: "2.8.0" });

const ALLOWED_SCRIPTS = new Set(["lint", "test:unit", "build", "db:status"]);

const text = (t: string) => ({ content: [{ type: "text" as const, text: t }] });

server.tool(
  "read_log",
  "Read the tail of a storefront log file, e.g. api.log",
  { file: z.string() },
  async ({ file }) => {
    console.error(`[mcp] read_log ${file}`);
    const body = await readLogFile(file);
    return text(body.slice(-20_000));
  },
);

server.tool(
  "read_report",
  "Read a generated report from the reports directory",
  { name: z.string() },
  async ({ name }) => {
    logger.info({ tool: "read_report", name }, "mcp tool call");
    const file = resolveInside(config.reportDir, name);
    return text(await fs.readFile(file, "utf8"));
  },
);

server.tool(
  "run_script",
  "Run one of the project's npm scripts (lint, test:unit, build, db:status)",
  { script: z.string() },
  async ({ script }) => {
    if (!ALLOWED_SCRIPTS.has(script)) {
      return { isError: true, content: [{ type: "text" as const, text: `script ${script} is not allowed` }] };
    }
    logger.info({ tool: "run_script", script }, "mcp tool call");
    const { stdout, stderr } = await runShell(`npm run ${script}`);
    return text(`${stdout}\n${stderr}`);
  },
);

server.tool(
  "git_grep",
  "Search the repository with git grep",
  { pattern: z.string() },
  async ({ pattern }) => {
    logger.info({ tool: "git_grep", pattern }, "mcp tool call");
    const { stdout } = await runShell(`git grep -n "${pattern}"`);
    return text(stdout);
  },
);

server.registerTool(
  "env_lookup",
  {
    title: "Environment lookup",
    description: "Show the value of an environment variable of the dev server",
    inputSchema: { name: z.string() },
  },
  async ({ name }) => text(process.env[name] ?? "(unset)"),
);

server.registerTool(
  "purge_tmp_uploads",
  {
    title: "Purge temporary uploads",
    description: "Delete all partially processed uploads in the tmp directory",
    inputSchema: {},
  },
  async () => {
    logger.warn({ tool: "purge_tmp_uploads" }, "mcp tool call");
    await purgeTmpUploads();
    return text("temporary uploads removed");
  },
);

await server.connect(new StdioServerTransport());
