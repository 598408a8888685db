import { z } from "zod";
import { defineTool } from "../lib/defineTool.js";
import { getLogger } from "../lib/logger.js";
import type { FileService } from "../services/fileService.js";

const log = getLogger("tools.files");

export function createFileTools({ files }: { files: FileService }) {
  const readWorkspaceFile = defineTool({
    name: "read_workspace_file",
    description: "Read a text file from the agent workspace.",
    input: z.object({
      path: z.string().describe("path relative to the workspace root"),
      maxBytes: z.number().int().positive().max(1_000_000).default(65_536),
    }),
    run: async ({ path, maxBytes }) => {
      log.info({ path, maxBytes }, "read_workspace_file");
      return files.readWorkspaceFile(path, maxBytes);
    },
  });

  const readLogFile = defineTool({
    name: "read_log_file",
    description: "Return the last lines of a service log, e.g. checkout-api.log.",
    input: z.object({
      name: z.string().describe("log file name"),
      lines: z.number().int().min(1).max(2_000).default(200),
    }),
    run: async ({ name, lines }) => {
      log.info({ name, lines }, "read_log_file");
      return files.tailLog(name, lines);
    },
  });

  const saveAttachment = defineTool({
    name: "save_attachment",
    description: "Save a customer-provided attachment (base64) to the uploads area.",
    input: z.object({ filename: z.string(), contentBase64: z.string().max(14_000_000) }),
    run: async ({ filename, contentBase64 }) => {
      const dest = await files.saveUpload(filename, Buffer.from(contentBase64, "base64"));
      return { saved: dest };
    },
  });

  const summarizeDiff = defineTool({
    name: "summarize_diff",
    description: "Summarise a unified diff: files touched, lines added and removed.",
    input: z.object({ diff: z.string() }),
    run: async ({ diff }) => {
      const stats = new Map<string, { added: number; removed: number }>();
      let current = "";
      for (const line of diff.split("\n")) {
        if (line.startsWith("+++ ")) {
          current = line.slice(4).replace(/^b\//, "");
          stats.set(current, { added: 0, removed: 0 });
        } else if (current && line.startsWith("+") && !line.startsWith("+++")) {
          stats.get(current)!.added++;
        } else if (current && line.startsWith("-") && !line.startsWith("---")) {
          stats.get(current)!.removed++;
        }
      }
      return [...stats].map(([file, s]) => ({ file, ...s }));
    },
  });

  return {
    read_workspace_file: readWorkspaceFile,
    read_log_file: readLogFile,
    save_attachment: saveAttachment,
    summarize_diff: summarizeDiff,
  };
}
