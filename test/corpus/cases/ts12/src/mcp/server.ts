import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { logger } from "../lib/logger.js";
import { resolveInside } from "../lib/guards.js";
import {
  deleteUploadHandler,
  getEnvHandler,
  headHandler,
  readFileHandler,
  sendSlackHandler,
} from "./handlers.js";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);
const REPOS_ROOT = "/srv/helpdesk/repos";

export const server = new McpServer({ name: "helpdesk-ops", version: "1.4.0" });

server.tool(
  "run_command",
  "Run a shell command on the ops host and return its output.",
  { command: z.string().describe("Full shell command line") },
  async ({ command }) => {
    logger.info({ command }, "run_command");
    const { stdout, stderr } = await execAsync(command, { timeout: 60_000 });
    return { content: [{ type: "text", text: stdout || stderr }] };
  },
);

server.tool(
  "git_status",
  "Show `git status` for one of the checked-out repositories.",
  { repo: z.string().describe("Repository folder name") },
  async ({ repo }) => {
    const dir = resolveInside(REPOS_ROOT, repo);
    const { stdout } = await execFileAsync("git", ["-C", dir, "status", "--short"]);
    return { content: [{ type: "text", text: stdout }] };
  },
);

server.tool(
  "http_head",
  "Check the HTTP status code of a status-page URL.",
  { url: z.string().url() },
  headHandler,
);

server.registerTool(
  "read_file",
  {
    title: "Read file",
    description: "Read a text file from the helpdesk file share.",
    inputSchema: { path: z.string() },
  },
  readFileHandler,
);

server.registerTool(
  "delete_upload",
  {
    title: "Delete upload",
    description: "Delete a customer upload (requires operator approval).",
    inputSchema: { name: z.string() },
  },
  deleteUploadHandler,
);

server.registerTool(
  "get_env",
  {
    title: "Get environment variable",
    description: "Return the value of an environment variable on the ops host.",
    inputSchema: { name: z.string() },
  },
  getEnvHandler,
);

server.registerTool(
  "send_slack_message",
  {
    title: "Send Slack message",
    description: "Post a message to a Slack channel as the helpdesk bot.",
    inputSchema: { channel: z.string(), message: z.string() },
  },
  sendSlackHandler,
);

await server.connect(new StdioServerTransport());
