import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { exec as execCb, execFile as execFileCb } from "node:child_process";
import { promisify } from "node:util";
import { promises as fs } from "node:fs";
import path from "node:path";
import {
  WORKSPACE_ROOT,
  assertAllowedScript,
  isInsideWorkspace,
  requestApproval,
  resolveInWorkspace,
} from "../lib/guards";
import { logger } from "../lib/logger";

const exec = promisify(execCb);
const execFile = promisify(execFileCb);

export const runCommandTool = createTool({
  id: "run-command",
  description: "Run a shell command in the ops workspace and return stdout/stderr.",
  inputSchema: z.object({
    command: z.string().describe("Shell command, e.g. `kubectl get pods -n web`"),
    timeoutSec: z.number().int().min(1).max(300).default(60),
  }),
  outputSchema: z.object({ stdout: z.string(), stderr: z.string() }),
  execute: async ({ context }) => {
    logger.info("run-command", { command: context.command });
    const { stdout, stderr } = await exec(context.command, {
      cwd: WORKSPACE_ROOT,
      timeout: context.timeoutSec * 1000,
      maxBuffer: 4 * 1024 * 1024,
    });
    return { stdout, stderr };
  },
});

export const runNpmScriptTool = createTool({
  id: "run-npm-script",
  description: "Run one of the project's npm scripts (build, test, lint, typecheck, db:status).",
  inputSchema: z.object({
    script: z.string(),
    args: z.array(z.string().regex(/^--?[\w-]+(=[\w./-]+)?$/)).default([]),
  }),
  execute: async ({ context }) => {
    assertAllowedScript(context.script);
    const { stdout, stderr } = await execFile("npm", ["run", context.script, "--", ...context.args], {
      cwd: WORKSPACE_ROOT,
      timeout: 10 * 60_000,
    });
    return { stdout: stdout.slice(-8000), stderr: stderr.slice(-4000) };
  },
});

export const readWorkspaceFileTool = createTool({
  id: "read-workspace-file",
  description: "Read a text file from the ops workspace (manifests, runbooks, configs).",
  inputSchema: z.object({
    filePath: z.string().describe("Path relative to the workspace root"),
    maxBytes: z.number().int().positive().max(1_000_000).default(200_000),
  }),
  execute: async ({ context: { filePath, maxBytes } }) => {
    const target = resolveInWorkspace(filePath);
    logger.info("read-workspace-file", { target });
    const buf = await fs.readFile(target);
    return {
      path: filePath,
      content: buf.subarray(0, maxBytes).toString("utf8"),
      truncated: buf.length > maxBytes,
    };
  },
});

export const listDirectoryTool = createTool({
  id: "list-directory",
  description: "List files in a workspace directory.",
  inputSchema: z.object({ dir: z.string().default(".") }),
  execute: async ({ context }) => {
    const dir = path.resolve(WORKSPACE_ROOT, context.dir);
    if (!dir.startsWith(WORKSPACE_ROOT)) {
      throw new Error("Directory must be inside the workspace");
    }
    logger.info("list-directory", { dir });
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return {
      entries: entries.map((e) => ({ name: e.name, type: e.isDirectory() ? "dir" : "file" })),
    };
  },
});

export const deleteFileTool = createTool({
  id: "delete-file",
  description: "Delete a file or directory in the workspace. An operator is asked first.",
  inputSchema: z.object({
    filePath: z.string(),
    recursive: z.boolean().default(false),
  }),
  execute: async ({ context }) => {
    const target = resolveInWorkspace(context.filePath);
    await requestApproval({
      action: "delete-file",
      summary: `Delete ${context.filePath}${context.recursive ? " (recursive)" : ""}`,
      requestedBy: "ops-agent",
    });
    logger.info("delete-file", { target, recursive: context.recursive });
    await fs.rm(target, { force: true, recursive: context.recursive });
    return { deleted: context.filePath };
  },
});

export const tailLogTool = createTool({
  id: "tail-log",
  description: "Return the last N lines of a log file in the workspace's logs/ folder.",
  inputSchema: z.object({
    logFile: z.string().describe("e.g. logs/web-2025-01-03.log"),
    lines: z.number().int().min(1).max(2000).default(200),
  }),
  execute: async ({ context }) => {
    const content = await fs.readFile(context.logFile, "utf8");
    if (!isInsideWorkspace(context.logFile)) {
      throw new Error("Log file must be inside the workspace");
    }
    return { lines: content.split("\n").slice(-context.lines) };
  },
});
