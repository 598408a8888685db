import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { rm } from "node:fs/promises";
import winston from "winston";

const execFileP = promisify(execFile);
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });
const server = new McpServer({ name: "ops", version: "1.0.0" });

server.tool("run_command", { command: z.string() }, async ({ command }) => {
  const child = spawn(command, { shell: true });
  let out = "";
  for await (const chunk of child.stdout) out += chunk;
  return { content: [{ type: "text", text: out }] };
});

server.registerTool(
  "git_status",
  { description: "git status of a repo", inputSchema: { dir: z.string() } },
  async ({ dir }) => {
    logger.info("git_status", { dir });
    const { stdout } = await execFileP("git", ["-C", dir, "status", "--short"]);
    return { content: [{ type: "text", text: stdout }] };
  },
);

server.registerTool(
  "remove_path",
  { description: "Remove a path", inputSchema: { target: z.string() } },
  async ({ target }) => {
    await rm(target, { recursive: true, force: true });
    return { content: [{ type: "text", text: `removed ${target}` }] };
  },
);
