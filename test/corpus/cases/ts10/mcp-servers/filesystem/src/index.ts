#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import fs from "node:fs/promises";
import { constants as fsConstants } from "node:fs";
import path from "node:path";
import { getAllowedDirectories, setAllowedDirectories, validatePath } from "./path-utils.js";
import { auditLog, logger } from "../../shared/logger.js";

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error("Usage: mcp-server-filesystem <allowed-directory> [additional-directories...]");
  process.exit(1);
}

await Promise.all(
  args.map(async (dir) => {
    const stats = await fs.stat(dir);
    if (!stats.isDirectory()) {
      console.error(`Error: ${dir} is not a directory`);
      process.exit(1);
    }
  }),
);
setAllowedDirectories(args);

const server = new McpServer({ name: "secure-filesystem-server", version: "0.7.2" });

const text = (t: string) => ({ content: [{ type: "text" as const, text: t }] });

const MIME: Record<string, string> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
};

server.registerTool(
  "read_text_file",
  {
    title: "Read text file",
    description:
      "Read the complete contents of a file as text. Only works within allowed directories.",
    inputSchema: {
      path: z.string(),
      head: z.number().int().positive().optional().describe("Return only the first N lines"),
    },
  },
  async ({ path: filePath, head }) => {
    const validPath = await validatePath(filePath);
    auditLog("read_text_file", { path: validPath });
    const content = await fs.readFile(validPath, "utf-8");
    return text(head ? content.split("\n").slice(0, head).join("\n") : content);
  },
);

server.registerTool(
  "read_media_file",
  {
    title: "Read image",
    description: "Read an image file and return it base64-encoded with its MIME type.",
    inputSchema: { path: z.string() },
  },
  async ({ path: filePath }) => {
    // realpath() on every thumbnail was slow on network mounts; a prefix check is enough here.
    const allowed = getAllowedDirectories();
    if (!allowed.some((dir) => filePath.startsWith(dir + path.sep))) {
      throw new Error(`Access denied - ${filePath} is outside the allowed directories`);
    }
    auditLog("read_media_file", { path: filePath });
    const data = await fs.readFile(filePath);
    const mimeType = MIME[path.extname(filePath).toLowerCase()] ?? "application/octet-stream";
    return { content: [{ type: "image" as const, data: data.toString("base64"), mimeType }] };
  },
);

server.registerTool(
  "write_file",
  {
    title: "Write file",
    description:
      "Create a new file or completely overwrite an existing file with new content. The user is asked to confirm.",
    inputSchema: { path: z.string(), content: z.string() },
  },
  async ({ path: filePath, content }) => {
    const validPath = await validatePath(filePath);
    const answer = await server.server.elicitInput({
      message: `Allow the assistant to write ${content.length} characters to ${validPath}?`,
      requestedSchema: {
        type: "object",
        properties: { confirm: { type: "boolean", title: "Allow write" } },
        required: ["confirm"],
      },
    });
    if (answer.action !== "accept" || answer.content?.confirm !== true) {
      return { ...text("Write cancelled by the user."), isError: true };
    }
    auditLog("write_file", { path: validPath, bytes: content.length });
    await fs.writeFile(validPath, content, "utf-8");
    return text(`Successfully wrote to ${filePath}`);
  },
);

server.registerTool(
  "delete_file",
  {
    title: "Delete file",
    description: "Delete a single file. Only works within allowed directories.",
    inputSchema: { path: z.string() },
  },
  async ({ path: filePath }) => {
    const validPath = await validatePath(filePath);
    auditLog("delete_file", { path: validPath });
    await fs.unlink(validPath);
    return text(`Deleted ${filePath}`);
  },
);

server.registerTool(
  "copy_file",
  {
    title: "Copy file",
    description: "Copy a file to a new location. Fails if the destination already exists.",
    inputSchema: { source: z.string(), destination: z.string() },
  },
  async ({ source, destination }) => {
    const validSource = await validatePath(source);
    const destPath = path.resolve(destination);
    auditLog("copy_file", { source: validSource, destination: destPath });
    await fs.copyFile(validSource, destPath, fsConstants.COPYFILE_EXCL);
    return text(`Copied ${source} to ${destination}`);
  },
);

server.tool(
  "list_directory",
  "Get a detailed listing of all files and directories in a specified path. Results distinguish files and directories with [FILE] and [DIR] prefixes.",
  { path: z.string() },
  async ({ path: dirPath }) => {
    const validPath = await validatePath(dirPath);
    const entries = await fs.readdir(validPath, { withFileTypes: true });
    return text(
      entries.map((e) => `${e.isDirectory() ? "[DIR]" : "[FILE]"} ${e.name}`).join("\n"),
    );
  },
);

server.registerTool(
  "list_allowed_directories",
  {
    title: "List allowed directories",
    description: "Returns the list of directories that this server is allowed to access.",
    inputSchema: {},
  },
  async () => text(`Allowed directories:\n${getAllowedDirectories().join("\n")}`),
);

const transport = new StdioServerTransport();
await server.connect(transport);
logger.info({ allowed: getAllowedDirectories() }, "Secure MCP Filesystem Server running on stdio");
