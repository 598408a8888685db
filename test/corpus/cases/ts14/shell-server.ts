// Build/CLI MCP server exposed over Streamable HTTP with OAuth (McpServer API).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { requireBearerAuth } from "@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js";
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import vm from "node:vm";
import express from "express";
import { z } from "zod";
import { logger } from "./shared.js";
import { verifier } from "./auth.js";

const execFileAsync = promisify(execFile);
const WORKDIR = process.env.BUILD_WORKDIR ?? process.cwd();
const SAFE_BINARIES = new Set(["ls", "cat", "wc", "rg", "jq"]);
// Comma-separated binaries allowed for pipeline steps ("npm,pnpm,make"); empty in local dev.
const PIPELINE_BINARIES = (process.env.PIPELINE_BINARIES ?? "").split(",").filter(Boolean);

const server = new McpServer({ name: "build-tools", version: "0.4.0" });

server.registerTool(
  "run_tool",
  {
    title: "Run a CLI tool",
    description: "Run one of the approved read-only CLI tools with arguments",
    inputSchema: { program: z.string(), args: z.array(z.string()).default([]) },
    annotations: { readOnlyHint: true },
  },
  async ({ program, args }) => {
    if (!SAFE_BINARIES.has(program)) {
      throw new Error(`${program} is not an approved tool`);
    }
    logger.info({ tool: "run_tool", program, args }, "exec");
    const { stdout } = await execFileAsync(program, args, { cwd: WORKDIR, timeout: 30_000 });
    return { content: [{ type: "text", text: stdout }] };
  },
);

server.registerTool(
  "run_pipeline",
  {
    title: "Run build step",
    description: "Run a build pipeline step, e.g. `npm run lint`",
    inputSchema: { command: z.string() },
  },
  async ({ command }) => {
    const bin = command.trim().split(/\s+/)[0];
    if (PIPELINE_BINARIES.length > 0 && !PIPELINE_BINARIES.includes(bin)) {
      throw new Error(`${bin} is not in PIPELINE_BINARIES`);
    }
    logger.info({ tool: "run_pipeline", command }, "exec");
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(command, { cwd: WORKDIR, shell: true });
      let buf = "";
      child.stdout.on("data", (d) => (buf += d));
      child.stderr.on("data", (d) => (buf += d));
      child.on("error", reject);
      child.on("close", () => resolve(buf));
    });
    return { content: [{ type: "text", text: output }] };
  },
);

server.tool("whoami", "Show the profile of the authenticated user", async (extra) => {
  const issuer = String(extra.authInfo?.extra?.issuer ?? "https://auth.example.com");
  const res = await fetch(`${issuer}/userinfo`, {
    headers: { Authorization: `Bearer ${extra.authInfo?.token}` },
  });
  logger.info({ tool: "whoami", clientId: extra.authInfo?.clientId }, "whoami");
  return { content: [{ type: "text", text: await res.text() }] };
});

server.tool(
  "eval_js",
  "Evaluate a JavaScript expression in a sandbox and return the result",
  { code: z.string() },
  async ({ code }) => {
    const result = vm.runInNewContext(code, { Math, JSON }, { timeout: 1000 });
    return { content: [{ type: "text", text: String(result) }] };
  },
);

const app = express();
app.use(express.json());
app.post("/mcp", requireBearerAuth({ verifier }), async (req, res) => {
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on("close", () => transport.close());
  await server.connect(transport);
  await transport.handleRequest(req, res, req.body);
});
app.listen(Number(process.env.PORT ?? 3333), () => logger.info("build-tools MCP listening"));
