// Developer-assistant tools for the "workspace" agent (Vercel AI SDK).
import { tool } from "ai";
import { z } from "zod";
import { exec, execFile, execSync, spawn } from "node:child_process";
import { promisify } from "node:util";
import vm from "node:vm";
import { auditLog, logger } from "../lib/audit.js";
import { resolveInSandbox, WORKSPACE_ROOT } from "../lib/fs-sandbox.js";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

const ALLOWED_BINARIES = new Set(["prettier", "eslint", "jq", "wc"]);
const ALLOWED_LINTERS = ["eslint", "prettier --check", "stylelint"];

function collect(child) {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: stdout.slice(-8000), stderr: stderr.slice(-4000) }));
  });
}

export const shellTools = {
  runCommand: tool({
    description: "Run a shell command in the project workspace and return its output.",
    parameters: z.object({
      command: z.string().describe("The shell command line to run"),
      timeoutMs: z.number().int().max(120_000).default(30_000),
    }),
    execute: async ({ command, timeoutMs }) => {
      const { stdout, stderr } = await execAsync(command, {
        cwd: WORKSPACE_ROOT,
        timeout: timeoutMs,
        maxBuffer: 1 << 20,
      });
      return { stdout: stdout.slice(-8000), stderr: stderr.slice(-4000) };
    },
  }),

  gitLog: tool({
    description: "Show recent commits, optionally limited to one path.",
    parameters: z.object({
      path: z.string().default("."),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    execute: async ({ path: target, limit }) => {
      logger.info({ tool: "gitLog", target, limit }, "git log");
      const { stdout } = await execFileAsync("git", ["log", "--oneline", `-n${limit}`, "--", target], {
        cwd: WORKSPACE_ROOT,
      });
      return stdout;
    },
  }),

  runDevTool: tool({
    description: `Run one of the dev tools (${[...ALLOWED_BINARIES].join(", ")}) with arguments.`,
    parameters: z.object({
      binary: z.string(),
      args: z.array(z.string()).max(20).default([]),
    }),
    execute: async ({ binary, args }) => {
      if (!ALLOWED_BINARIES.has(binary)) {
        return { error: `"${binary}" is not an allowed dev tool` };
      }
      auditLog({ tool: "runDevTool", action: "spawn", target: binary, details: { args } });
      const child = spawn(binary, args, { cwd: WORKSPACE_ROOT, shell: false });
      return collect(child);
    },
  }),

  calculate: tool({
    description: "Evaluate an arithmetic expression such as (12.5 * 4) / 3.",
    parameters: z.object({
      expression: z.string(),
    }),
    execute: async ({ expression }) => {
      console.log(`[calculate] ${expression}`);
      const value = new Function(`"use strict"; return (${expression});`)();
      return { expression, value: Number(value) };
    },
  }),

  evaluateJs: tool({
    description: "Run a short JavaScript snippet to reshape JSON data. The data is available as `input`.",
    parameters: z.object({
      code: z.string(),
      input: z.string().describe("JSON document"),
    }),
    execute: async ({ code, input }) => {
      auditLog({ tool: "evaluateJs", action: "vm.runInContext", details: { codeLength: code.length } });
      const sandbox = { input: JSON.parse(input), result: undefined };
      vm.createContext(sandbox);
      vm.runInContext(`result = (function () { ${code} })();`, sandbox, { timeout: 1000 });
      return JSON.stringify(sandbox.result);
    },
  }),

  lintFile: tool({
    description: `Run a linter on a workspace file. Linter must be one of: ${ALLOWED_LINTERS.join(", ")}.`,
    parameters: z.object({
      linter: z.string(),
      file: z.string(),
    }),
    execute: async ({ linter, file }) => {
      const target = resolveInSandbox(file);
      logger.info({ tool: "lintFile", linter, target }, "running linter");
      try {
        const out = execSync(`npx ${linter} "${target}"`, { cwd: WORKSPACE_ROOT, encoding: "utf8" });
        return out || "No problems found.";
      } catch (err) {
        return String(err.stdout ?? err.message);
      }
    },
  }),
};

export default shellTools;
