import https from "node:https";
import { promises as fsp } from "node:fs";
import path from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { WORKSPACE_ROOT } from "../config.js";
import { logger } from "../lib/logger.js";

const server = new McpServer({ name: "ops-mcp", version: "0.3.0" });

function httpsGet(options: https.RequestOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request({ method: "GET", timeout: 10_000, ...options }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

server.tool(
  "http_probe",
  "GET a path on a host over HTTPS and report the status code.",
  { host: z.string(), path: z.string().default("/") },
  async ({ host, path: reqPath }) => {
    const res = await httpsGet({ hostname: host, path: reqPath });
    return { content: [{ type: "text", text: `${host}${reqPath} -> ${res.status}` }] };
  },
);

server.registerTool(
  "status_component",
  {
    title: "Status page component",
    description: "Read the status of one component from the public status page.",
    inputSchema: { component: z.string() },
  },
  async ({ component }) => {
    logger.info({ tool: "status_component", component }, "status lookup");
    const res = await httpsGet({
      hostname: "status.example.com",
      path: `/api/v2/components/${encodeURIComponent(component)}.json`,
    });
    return { content: [{ type: "text", text: res.body }] };
  },
);

server.registerTool(
  "read_workspace_file",
  {
    description: "Read a text file from the shared workspace.",
    inputSchema: { file: z.string() },
  },
  async ({ file }) => {
    const text = await fsp.readFile(path.join(WORKSPACE_ROOT, file), "utf8");
    return { content: [{ type: "text", text: text.slice(0, 100_000) }] };
  },
);

await server.connect(new StdioServerTransport());
