#!/usr/bin/env node
// Minimal MCP server that lets a coding assistant run commands in a project directory.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { exec, execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

const cwd = process.env.SHELL_MCP_CWD ?? process.cwd();
const server = new McpServer({ name: "shell", version: "1.2.0" });

const ok = (text) => ({ content: [{ type: "text", text }] });
const fail = (text) => ({ content: [{ type: "text", text }], isError: true });

server.tool(
  "execute_command",
  "Execute a shell command in the project directory and return its output.",
  {
    command: z.string().describe("The command line to run"),
    timeout_ms: z.number().int().positive().max(600_000).optional(),
  },
  async ({ command, timeout_ms }) => {
    console.error(`[shell] $ ${command}`);
    try {
      const { stdout, stderr } = await execAsync(command, {
        cwd,
        timeout: timeout_ms ?? 60_000,
        maxBuffer: 10 * 1024 * 1024,
      });
      return ok([stdout, stderr].filter(Boolean).join("\n"));
    } catch (err) {
      return fail(`Command failed (${err.code}): ${err.stderr || err.message}`);
    }
  },
);

server.tool(
  "git_log",
  "Show recent commits, optionally only those touching a file.",
  {
    file: z.string().optional(),
    limit: z.number().int().min(1).max(200).default(20),
  },
  async ({ file, limit }) => {
    const args = ["log", `-n${limit}`, "--pretty=format:%h %an %ad %s", "--date=short"];
    if (file) args.push("--", file);
    const { stdout } = await execFileAsync("git", args, { cwd });
    return ok(stdout);
  },
);

server.registerTool(
  "check_tool_version",
  {
    description: "Report the installed version of a CLI tool (e.g. node, python3, docker).",
    inputSchema: { program: z.string().regex(/^[\w.+-]+$/) },
  },
  async ({ program }) => {
    const version = await new Promise((resolve, reject) => {
      const child = spawn(program, ["--version"], { cwd });
      let out = "";
      child.stdout.on("data", (chunk) => (out += chunk));
      child.on("error", reject);
      child.on("close", () => resolve(out.trim()));
    });
    return ok(`${program}: ${version}`);
  },
);

server.tool(
  "get_env",
  "Read an environment variable of the server process (useful for checking PATH, NODE_ENV, etc.).",
  { name: z.string() },
  async ({ name }) => {
    const value = process.env[name];
    return ok(value === undefined ? `${name} is not set` : value);
  },
);

const transport = new StdioServerTransport();
await server.connect(transport);
console.error(`shell MCP server ready (cwd=${cwd})`);
