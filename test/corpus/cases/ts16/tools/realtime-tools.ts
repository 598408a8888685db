import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { execa } from "execa";
import { Client as SshClient } from "ssh2";
import WebSocket from "ws";
import { z } from "zod";

import { logger } from "../lib/audit";

const WORKSPACE = "/srv/opsbot/workspace";

const server = new McpServer({ name: "opsbot-realtime", version: "1.4.0" });

function sshExec(host: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const conn = new SshClient();
    let output = "";
    conn
      .on("ready", () => {
        conn.exec(command, (err, stream) => {
          if (err) {
            conn.end();
            return reject(err);
          }
          stream
            .on("close", () => {
              conn.end();
              resolve(output);
            })
            .on("data", (chunk: Buffer) => {
              output += chunk.toString();
            });
        });
      })
      .on("error", reject)
      .connect({ host, port: 22, username: "opsbot", agent: process.env.SSH_AUTH_SOCK, readyTimeout: 10_000 });
  });
}

server.registerTool(
  "subscribe_feed",
  {
    title: "Subscribe to feed",
    description: "Connect to a deployment event websocket and return the next messages.",
    inputSchema: { url: z.string().url(), maxMessages: z.number().int().min(1).max(100).default(20) },
  },
  async ({ url, maxMessages }) => {
    const messages: string[] = await new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { handshakeTimeout: 10_000 });
      const received: string[] = [];
      ws.on("message", (data) => {
        received.push(data.toString());
        if (received.length >= maxMessages) ws.close();
      });
      ws.on("close", () => resolve(received));
      ws.on("error", reject);
    });
    return { content: [{ type: "text", text: messages.join("\n") }] };
  },
);

server.registerTool(
  "remote_disk_usage",
  {
    title: "Remote disk usage",
    description: "Show filesystem usage of a fleet host over SSH.",
    inputSchema: { host: z.string() },
  },
  async ({ host }) => {
    logger.info({ host }, "remote_disk_usage");
    const out = await sshExec(host, "df -h --output=target,pcent");
    return { content: [{ type: "text", text: out }] };
  },
);

server.registerTool(
  "run_build_step",
  {
    title: "Run build step",
    description: "Run one build step in the workspace, e.g. program 'npm' with args ['run', 'lint'].",
    inputSchema: { program: z.string(), args: z.array(z.string()).default([]) },
  },
  async ({ program, args }) => {
    logger.info({ program, args }, "run_build_step");
    const { stdout, stderr, exitCode } = await execa(program, args, { cwd: WORKSPACE, reject: false, timeout: 120_000 });
    return { content: [{ type: "text", text: `exit ${exitCode}\n${stdout}\n${stderr}` }] };
  },
);

server.registerTool(
  "git_log",
  {
    title: "Git log",
    description: "Show the most recent commits in the workspace.",
    inputSchema: { count: z.number().int().min(1).max(200).default(20) },
  },
  async ({ count }) => {
    logger.info({ count }, "git_log");
    const { stdout } = await execa("git", ["log", "--oneline", `-n${count}`], { cwd: WORKSPACE });
    return { content: [{ type: "text", text: stdout }] };
  },
);

/** Provisioning entry point used by scripts/provision.ts; not an MCP tool. */
export async function bootstrapHost(host: string, script: string): Promise<string> {
  await execa("ssh-keyscan", [host]);
  return sshExec(host, `sudo bash -c '${script}'`);
}

export async function main(): Promise<void> {
  await server.connect(new StdioServerTransport());
}
