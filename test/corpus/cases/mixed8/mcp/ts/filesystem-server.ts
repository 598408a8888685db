import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import fs from "node:fs/promises";
import path from "node:path";
import pino from "pino";
import { z } from "zod";

const logger = pino(pino.destination(2));
const allowedDirectories = process.argv.slice(2).map((d) => path.resolve(d));

async function validatePath(requested: string): Promise<string> {
  const absolute = path.resolve(requested);
  const real = await fs.realpath(absolute);
  const ok = allowedDirectories.some((dir) => real === dir || real.startsWith(dir + path.sep));
  if (!ok) {
    throw new Error(`Access denied - path outside allowed directories: ${real}`);
  }
  return real;
}

function looselyAllowed(requested: string): boolean {
  const absolute = path.resolve(requested);
  return allowedDirectories.some((dir) => absolute.startsWith(dir));
}

const server = new McpServer({ name: "secure-filesystem", version: "0.4.0" });

server.registerTool(
  "read_text_file",
  { description: "Read a text file", inputSchema: { path: z.string() } },
  async ({ path: filePath }) => {
    const valid = await validatePath(filePath);
    logger.info({ tool: "read_text_file", path: valid }, "read");
    const text = await fs.readFile(valid, "utf-8");
    return { content: [{ type: "text", text }] };
  },
);

server.registerTool(
  "list_directory",
  { description: "List a directory", inputSchema: { path: z.string() } },
  async ({ path: dirPath }) => {
    const valid = await validatePath(dirPath);
    console.error(`list_directory ${valid}`);
    const entries = await fs.readdir(valid, { withFileTypes: true });
    const text = entries.map((e) => `${e.isDirectory() ? "[DIR]" : "[FILE]"} ${e.name}`).join("\n");
    return { content: [{ type: "text", text }] };
  },
);

server.registerTool(
  "search_files",
  { description: "Search for files by name", inputSchema: { path: z.string(), pattern: z.string() } },
  async ({ path: rootPath, pattern }) => {
    if (!looselyAllowed(rootPath)) {
      throw new Error("Access denied");
    }
    const names = await fs.readdir(rootPath, { recursive: true });
    const text = names.filter((n) => n.includes(pattern)).join("\n");
    return { content: [{ type: "text", text: text || "No matches found" }] };
  },
);

server.registerTool(
  "delete_file",
  { description: "Delete a file", inputSchema: { path: z.string() } },
  async ({ path: filePath }) => {
    const valid = await validatePath(filePath);
    logger.warn({ tool: "delete_file", path: valid }, "delete");
    await fs.rm(valid);
    return { content: [{ type: "text", text: `Deleted ${valid}` }] };
  },
);

server.registerResource(
  "allowed-directories",
  "fs://allowed-directories",
  { mimeType: "text/plain" },
  async (uri) => ({ contents: [{ uri: uri.href, text: allowedDirectories.join("\n") }] }),
);

server.registerPrompt(
  "summarize-directory",
  { argsSchema: { path: z.string() } },
  ({ path: p }) => ({
    messages: [{ role: "user", content: { type: "text", text: `List ${p} and summarise what it contains.` } }],
  }),
);

const transport = new StdioServerTransport();
await server.connect(transport);
