import { constants as fsConstants, promises as fsp } from "node:fs";
import path from "node:path";

import { createTool } from "@mastra/core/tools";
import { z } from "zod";

import { logger } from "../lib/audit";
import { requestApproval, resolveInside } from "../lib/guards";

const WORKSPACE = "/srv/opsbot/workspace";
const TEMPLATES = "/srv/opsbot/templates";
const TMP_DIR = "/srv/opsbot/tmp";
const DRAFTS_DIR = "/srv/opsbot/drafts";

export const moveFile = createTool({
  id: "move-file",
  description: "Move or rename a file.",
  inputSchema: z.object({ from: z.string(), to: z.string() }),
  execute: async ({ context }) => {
    logger.info({ from: context.from, to: context.to }, "move-file");
    await fsp.rename(context.from, context.to);
    return { moved: true };
  },
});

export const copyTemplate = createTool({
  id: "copy-template",
  description: "Copy a project template file into the workspace.",
  inputSchema: z.object({ template: z.string(), destination: z.string() }),
  execute: async ({ context }) => {
    const source = path.join(TEMPLATES, path.basename(context.template));
    const target = resolveInside(WORKSPACE, context.destination);
    logger.info({ source, target }, "copy-template");
    await fsp.copyFile(source, target, fsConstants.COPYFILE_EXCL);
    return { path: target };
  },
});

export const deleteTempFile = createTool({
  id: "delete-temp-file",
  description: "Delete a scratch file from the temp folder.",
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ context }) => {
    const target = path.join(TMP_DIR, context.name);
    await fsp.unlink(target);
    return { deleted: target };
  },
});

export const deleteDraft = createTool({
  id: "delete-draft",
  description: "Delete a saved email draft after the operator confirms.",
  inputSchema: z.object({ draftName: z.string() }),
  execute: async ({ context }) => {
    const target = path.join(DRAFTS_DIR, path.basename(context.draftName));
    logger.info({ target }, "delete-draft requested");
    if (!(await requestApproval(`delete draft ${path.basename(target)}`))) {
      return { deleted: false };
    }
    await fsp.unlink(target);
    return { deleted: true };
  },
});

export const fileTools = { moveFile, copyTemplate, deleteTempFile, deleteDraft };
