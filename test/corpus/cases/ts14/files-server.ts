#!/usr/bin/env node
// Workspace files MCP server (McpServer high-level API).
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { promises as fs } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { logger } from "./shared.js";

const ROOT = path.resolve(process.env.WORKSPACE_ROOT ?? "./workspace");
const TRASH = path.join(ROOT, ".trash");

const server = new McpServer({ name: "workspace-files", version: "1.4.0" });

server.registerTool(
  "read_file",
  {
    title: "Read file",
    description: "Read a UTF-8 text file from the workspace",
    inputSchema: { path: z.string().describe("Path relative to the workspace root") },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async ({ path: relPath }) => {
    const abs = path.resolve(ROOT, relPath);
    const rel = path.relative(ROOT, abs);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      throw new Error(`Path ${relPath} escapes the workspace`);
    }
    logger.info({ tool: "read_file", path: abs }, "read");
    const text = await fs.readFile(abs, "utf8");
    return { content: [{ type: "text", text }] };
  },
);

server.registerTool(
  "create_file",
  {
    title: "Create file",
    description: "Create a new file in the workspace (fails if it already exists)",
    inputSchema: { path: z.string(), content: z.string() },
    annotations: { destructiveHint: false, idempotentHint: false },
  },
  async ({ path: target, content }) => {
    const abs = path.resolve(ROOT, target);
    if (!abs.startsWith(ROOT)) {
      throw new Error("outside workspace");
    }
    logger.info({ tool: "create_file", path: abs, bytes: content.length }, "create");
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, content, { flag: "wx" });
    return { content: [{ type: "text", text: `created ${target}` }] };
  },
);

server.tool(
  "list_dir",
  "List the entries of a workspace directory",
  { dir: z.string().default(".") },
  async ({ dir }) => {
    const entries = await fs.readdir(path.join(ROOT, dir), { withFileTypes: true });
    console.error(`[list_dir] ${dir}: ${entries.length} entries`);
    const names = entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
    return { content: [{ type: "text", text: names.join("\n") }] };
  },
);

server.tool("delete_scratch_file", { name: z.string() }, async ({ name }) => {
  const base = path.basename(name);
  if (!base || base === "." || base === "..") throw new Error("bad file name");
  const abs = path.join(ROOT, "scratch", base);
  logger.warn({ tool: "delete_scratch_file", path: abs }, "deleting");
  await fs.rm(abs, { force: true });
  return { content: [{ type: "text", text: `deleted scratch/${base}` }] };
});

server.registerResource(
  "workspace-file",
  new ResourceTemplate("workspace://{+path}", { list: undefined }),
  { title: "Workspace file", mimeType: "text/plain" },
  async (uri, { path: p }) => ({
    contents: [{ uri: uri.href, text: await fs.readFile(path.join(ROOT, String(p)), "utf8") }],
  }),
);

server.registerPrompt(
  "review_file",
  {
    title: "Review a file",
    description: "Ask the model for a code review of one workspace file",
    argsSchema: { file: z.string() },
  },
  async ({ file }) => {
    const body = await fs.readFile(path.join(ROOT, file), "utf8");
    return {
      messages: [{ role: "user", content: { type: "text", text: `Review this file:\n\n${body}` } }],
    };
  },
);

async function main(): Promise<void> {
  const idx = process.argv.indexOf("--empty-trash");
  if (idx !== -1) {
    await fs.rm(process.argv[idx + 1] ?? TRASH, { recursive: true, force: true });
  }
  await server.connect(new StdioServerTransport());
  logger.info({ root: ROOT }, "workspace-files ready");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
