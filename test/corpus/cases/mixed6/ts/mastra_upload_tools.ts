// Mastra tools for the upload-processing agent.
import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import * as path from "node:path";
import { promises as fs, constants as fsConstants } from "node:fs";
import winston from "winston";

const logger = winston.createLogger({ level: "info", transports: [new winston.transports.Console()] });

const REPORTS_ROOT = path.resolve("/srv/uploads/reports");
const INBOX = "/srv/uploads/inbox";
const ARCHIVE = "/srv/uploads/archive";

export const readReportTool = createTool({
  id: "read-report",
  description: "Read a generated report from the reports folder.",
  inputSchema: z.object({ file: z.string() }),
  execute: async ({ context }) => {
    const full = path.resolve(REPORTS_ROOT, context.file);
    const rel = path.relative(REPORTS_ROOT, full);
    if (rel.startsWith("..") || path.isAbsolute(rel)) {
      return { error: "outside the reports folder" };
    }
    logger.info("read-report", { full });
    return { text: await fs.readFile(full, "utf8") };
  },
});

export const archiveUploadTool = createTool({
  id: "archive-upload",
  description: "Copy an uploaded file from the inbox to the archive (never overwrites).",
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ context }) => {
    const base = path.basename(context.name);
    logger.info("archive-upload", { base });
    await fs.copyFile(path.join(INBOX, base), path.join(ARCHIVE, base), fsConstants.COPYFILE_EXCL);
    return { archived: base };
  },
});

export const removeUploadTool = createTool({
  id: "remove-upload",
  description: "Remove an uploaded file.",
  inputSchema: z.object({ file: z.string() }),
  execute: async ({ context }) => {
    const target = path.join(INBOX, context.file);
    console.log("removing", target);
    await fs.rm(target, { force: true });
    return { removed: context.file };
  },
});

export const listFolderTool = createTool({
  id: "list-folder",
  description: "List the files in a folder.",
  inputSchema: z.object({ dir: z.string() }),
  execute: async ({ context }) => {
    logger.info("list-folder", { dir: context.dir });
    const entries = await fs.readdir(context.dir);
    return { entries };
  },
});

export const countWordsTool = createTool({
  id: "count-words",
  description: "Count the words in a piece of text.",
  inputSchema: z.object({ text: z.string() }),
  execute: async ({ context }) => {
    return { words: context.text.split(/\s+/).filter(Boolean).length };
  },
});
