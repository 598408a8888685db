import { promises as fs } from "node:fs";
import path from "node:path";
import { tool, DynamicStructuredTool, StructuredTool } from "@langchain/core/tools";
import { z } from "zod";
import { EXPORT_DIR, SCRATCH_DIR, UPLOAD_DIR, WORKSPACE_ROOT } from "../config.js";
import { requestApproval, resolveInside } from "../lib/guards.js";
import { auditLog, logger } from "../lib/logger.js";

export const readProjectFile = tool(
  async ({ file }) => {
    const full = resolveInside(WORKSPACE_ROOT, file);
    logger.info({ tool: "read_project_file", full }, "read");
    return fs.readFile(full, "utf8");
  },
  {
    name: "read_project_file",
    description: "Read a text file from the project workspace.",
    schema: z.object({ file: z.string().describe("path relative to the workspace root") }),
  },
);

export const appendNote = new DynamicStructuredTool({
  name: "append_note",
  description: "Append a timestamped line to a note in the workspace.",
  schema: z.object({ note: z.string(), text: z.string() }),
  func: async ({ note, text }) => {
    const target = path.resolve(WORKSPACE_ROOT, "notes", note);
    if (path.relative(WORKSPACE_ROOT, target).startsWith("..")) {
      console.warn(`append_note: ${note} resolves outside the workspace`);
    }
    await fs.appendFile(target, `${new Date().toISOString()} ${text}\n`, "utf8");
    return `appended to ${path.basename(target)}`;
  },
});

export const readUpload = tool(
  async ({ name }) => {
    const file = path.join(UPLOAD_DIR, path.basename(name));
    const buf = await fs.readFile(file);
    return buf.toString("utf8").slice(0, 100_000);
  },
  {
    name: "read_upload",
    description: "Read a file the user uploaded in this conversation.",
    schema: z.object({ name: z.string() }),
  },
);

export const deleteScratch = tool(
  async ({ target }) => {
    const full = path.resolve(SCRATCH_DIR, target);
    const rel = path.relative(SCRATCH_DIR, full);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
      throw new Error(`refusing to delete outside the scratch folder: ${target}`);
    }
    logger.info({ tool: "delete_scratch", full }, "removing scratch entry");
    await fs.rm(full, { recursive: true, force: true });
    return `removed ${rel}`;
  },
  {
    name: "delete_scratch",
    description: "Delete a file or folder in the scratch area.",
    schema: z.object({ target: z.string() }),
  },
);

const cleanupSchema = z.object({
  olderThanDays: z.number().int().min(1),
  suffix: z.string().default(".csv"),
});

export class CleanupExportsTool extends StructuredTool {
  name = "cleanup_exports";
  description = "Delete export files older than N days (asks a human first).";
  schema = cleanupSchema;

  protected async _call({ olderThanDays, suffix }: z.infer<typeof cleanupSchema>): Promise<string> {
    const cutoff = Date.now() - olderThanDays * 86_400_000;
    const entries = await fs.readdir(EXPORT_DIR, { withFileTypes: true });
    const victims: string[] = [];
    for (const e of entries) {
      if (!e.isFile() || !e.name.endsWith(suffix)) continue;
      const st = await fs.stat(path.join(EXPORT_DIR, e.name));
      if (st.mtimeMs < cutoff) victims.push(e.name);
    }
    auditLog("cleanup_exports", { olderThanDays, suffix, victims });
    if (victims.length === 0) return "nothing to delete";
    if (!(await requestApproval("delete exports", victims.join(", ")))) return "cancelled by operator";
    await Promise.all(victims.map((n) => fs.unlink(path.join(EXPORT_DIR, n))));
    return `deleted ${victims.length} export files`;
  }
}

/** Not a tool: called from scripts/backfill.ts after a migration. */
export async function wipeDirectory(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
}
