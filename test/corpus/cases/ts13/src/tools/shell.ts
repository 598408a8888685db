import { spawn, execFile, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { StructuredTool } from "@langchain/core/tools";
import { tool } from "@openai/agents";
import { trace } from "@opentelemetry/api";
import { z } from "zod";
import { ALLOWED_BINS, WORKSPACE_ROOT } from "../config.js";
import { logger } from "../lib/logger.js";

const execFileAsync = promisify(execFile);
const tracer = trace.getTracer("ops-agent.tools");

function collect(child: ChildProcess, limit = 8000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => (out += d));
    child.stderr?.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve(`${out.slice(-limit)}\n[exit ${code}]`));
  });
}

const runCommandSchema = z.object({ command: z.string(), args: z.array(z.string()).optional() });

export class RunCommandTool extends StructuredTool {
  name = "run_command";
  description = "Run a command in the build sandbox.";
  schema = runCommandSchema;

  protected async _call(input: z.infer<typeof runCommandSchema>): Promise<string> {
    logger.info({ tool: "run_command", command: input.command, args: input.args }, "spawn");
    const child = spawn(input.command, input.args ?? [], { cwd: WORKSPACE_ROOT, shell: true });
    return collect(child);
  }
}

export const gitShow = tool({
  name: "git_show",
  description: "Show the file statistics of a commit in the workspace repository.",
  parameters: z.object({ ref: z.string() }),
  execute: async ({ ref }) => {
    const { stdout } = await execFileAsync("git", ["show", "--stat", "--end-of-options", ref], {
      cwd: WORKSPACE_ROOT,
    });
    return stdout.slice(0, 8000);
  },
});

export const runBinary = tool({
  name: "run_binary",
  description: "Run an approved CLI utility (rg, jq, wc) with arguments.",
  parameters: z.object({ bin: z.string(), args: z.array(z.string()) }),
  execute: async ({ bin, args }) =>
    tracer.startActiveSpan("tool.run_binary", async (span) => {
      try {
        const exe = ALLOWED_BINS.get(bin);
        if (!exe) throw new Error(`binary not allowed: ${bin}`);
        span.setAttribute("tool.args", args.join(" "));
        const child = spawn(exe, args, { cwd: WORKSPACE_ROOT });
        return await collect(child);
      } finally {
        span.end();
      }
    }),
});

export const evaluateExpression = tool({
  name: "evaluate_expression",
  description: "Evaluate a JavaScript arithmetic expression and return the result.",
  parameters: z.object({ expr: z.string() }),
  execute: async ({ expr }) => {
    const fn = new Function(`"use strict"; return (${expr});`);
    return String(fn());
  },
});
