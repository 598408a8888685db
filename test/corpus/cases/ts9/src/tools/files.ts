import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { auditLog, logger } from "../lib/audit";
import { requestApproval } from "../lib/approval";
import { resolveInSandbox, resolveLoose, uploadPath, WORKSPACE_ROOT } from "../lib/fs-sandbox";

const REPORTS_DIR = "/srv/agent/reports/";

export const readFileTool = createTool({
  id: "read-file",
  description: "Read a UTF-8 text file.",
  inputSchema: z.object({ path: z.string() }),
  outputSchema: z.object({ content: z.string() }),
  execute: async ({ context }) => {
    const content = await fs.readFile(context.path, "utf8");
    return { content };
  },
});

export const readWorkspaceFileTool = createTool({
  id: "read-workspace-file",
  description: "Read a text file from the agent workspace.",
  inputSchema: z.object({ path: z.string().describe("Path relative to the workspace root") }),
  outputSchema: z.object({ content: z.string() }),
  execute: async ({ context }) => {
    const fullPath = resolveInSandbox(context.path);
    auditLog({ tool: "read-workspace-file", action: "fs.readFile", target: fullPath });
    return { content: await fs.readFile(fullPath, "utf8") };
  },
});

export const listDirectoryTool = createTool({
  id: "list-directory",
  description: "List the entries of a directory in the workspace.",
  inputSchema: z.object({ dir: z.string().default(".") }),
  execute: async ({ context }) => {
    const dir = path.join(WORKSPACE_ROOT, context.dir);
    logger.info({ tool: "list-directory", dir }, "listing directory");
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return {
      entries: entries.map((e) => ({ name: e.name, type: e.isDirectory() ? "dir" : "file" })),
    };
  },
});

export const readUploadTool = createTool({
  id: "read-upload",
  description: "Read a file the user uploaded to the conversation.",
  inputSchema: z.object({ fileName: z.string() }),
  execute: async ({ context }) => {
    const file = uploadPath(context.fileName);
    auditLog({ tool: "read-upload", action: "fs.readFile", target: file });
    const buf = await fs.readFile(file);
    return { bytes: buf.length, text: buf.toString("utf8").slice(0, 50_000) };
  },
});

export const readReportTool = createTool({
  id: "read-report",
  description: "Read a generated CSV report from the reports directory.",
  inputSchema: z.object({ reportPath: z.string().describe(`Absolute path under ${REPORTS_DIR}`) }),
  execute: async ({ context: { reportPath } }) => {
    if (!reportPath.startsWith(REPORTS_DIR)) {
      throw new Error(`Reports must live under ${REPORTS_DIR}`);
    }
    logger.info({ tool: "read-report", reportPath }, "reading report");
    const csv = await fs.readFile(reportPath, "utf8");
    return { rows: csv.split("\n").length - 1, csv: csv.slice(0, 50_000) };
  },
});

export const deleteFileTool = createTool({
  id: "delete-file",
  description: "Delete a file or directory in the workspace.",
  inputSchema: z.object({ path: z.string(), recursive: z.boolean().default(false) }),
  execute: async ({ context }) => {
    const target = resolveInSandbox(context.path);
    auditLog({ tool: "delete-file", action: "fs.rm", target, details: { recursive: context.recursive } });
    await fs.rm(target, { recursive: context.recursive, force: true });
    return { deleted: target };
  },
});

export const deleteTempFileTool = createTool({
  id: "delete-temp-file",
  description: "Remove a scratch file the agent created in the temp directory.",
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ context }) => {
    const target = path.join(os.tmpdir(), "acme-agent", context.name);
    await fs.unlink(target);
    return { deleted: target };
  },
});

export const removeWorkspaceFileTool = createTool({
  id: "remove-workspace-file",
  description: "Permanently remove a file from the workspace after operator approval.",
  inputSchema: z.object({ path: z.string(), reason: z.string() }),
  execute: async ({ context }) => {
    const target = resolveInSandbox(context.path);
    const approved = await requestApproval({
      action: "remove-workspace-file",
      summary: `${target} (${context.reason})`,
    });
    if (!approved) {
      return { deleted: false, reason: "rejected by operator" };
    }
    auditLog({ tool: "remove-workspace-file", action: "fs.unlink", target, details: { reason: context.reason } });
    await fs.unlink(target);
    return { deleted: true };
  },
});

export const appendNoteTool = createTool({
  id: "append-note",
  description: "Append a timestamped entry to one of the user's markdown notebooks.",
  inputSchema: z.object({ notebook: z.string(), text: z.string() }),
  execute: async ({ context }) => {
    const file = resolveLoose(`${context.notebook}.md`);
    auditLog({ tool: "append-note", action: "fs.appendFile", target: file });
    await fs.appendFile(file, `\n## ${new Date().toISOString()}\n\n${context.text}\n`, "utf8");
    return { ok: true, notebook: context.notebook };
  },
});

export const previewFileTool = createTool({
  id: "preview-file",
  description: "Return the first 4 KB of a workspace file.",
  inputSchema: z.object({ path: z.string() }),
  execute: async ({ context }) => {
    const abs = path.resolve(WORKSPACE_ROOT, context.path);
    const rel = path.relative(WORKSPACE_ROOT, abs);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      return { error: "path is outside the workspace" };
    }
    const handle = await fs.open(abs, "r");
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      return { preview: buffer.subarray(0, bytesRead).toString("utf8") };
    } finally {
      await handle.close();
    }
  },
});
