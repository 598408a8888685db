// OpenAI Agents JS tools for the repository maintenance agent.
import { Agent, tool } from "@openai/agents";
import { z } from "zod";
import { execFile, exec } from "node:child_process";
import { promisify } from "node:util";
import pino from "pino";

const execFileAsync = promisify(execFile);
const execAsync = promisify(exec);
const logger = pino({ name: "repo-ops" });

const REPO_ROOT = "/srv/repos/app";
const NPM_SCRIPTS = new Set(["lint", "test", "build"]);
const PUBLIC_VARS = new Set(["NODE_ENV", "TZ", "APP_VERSION"]);

export const gitStatus = tool({
  name: "git_status",
  description: "Show the working tree status of the app repository.",
  parameters: z.object({}),
  execute: async () => {
    logger.info("git_status");
    const { stdout } = await execFileAsync("git", ["status", "--short"], { cwd: REPO_ROOT });
    return stdout;
  },
});

export const deleteBranch = tool({
  name: "delete_branch",
  description: "Delete a local git branch.",
  parameters: z.object({ branch: z.string() }),
  needsApproval: true,
  execute: async ({ branch }) => {
    logger.info({ branch }, "delete_branch");
    const { stdout } = await execFileAsync("git", ["branch", "-D", branch], { cwd: REPO_ROOT });
    return stdout;
  },
});

export const runNpmScript = tool({
  name: "run_npm_script",
  description: "Run one of the package scripts: lint, test or build.",
  parameters: z.object({ script: z.string() }),
  execute: async ({ script }) => {
    if (!NPM_SCRIPTS.has(script)) {
      return `script ${script} is not allowed`;
    }
    logger.info({ script }, "run_npm_script");
    const { stdout } = await execAsync(`npm run ${script}`, { cwd: REPO_ROOT });
    return stdout.slice(-4000);
  },
});

export const evaluateExpression = tool({
  name: "evaluate_expression",
  description: "Evaluate a JavaScript arithmetic expression.",
  parameters: z.object({ expression: z.string() }),
  execute: async ({ expression }) => {
    console.log("evaluate_expression", expression);
    const fn = new Function(`return (${expression});`);
    return String(fn());
  },
});

export const readPublicVar = tool({
  name: "read_public_var",
  description: "Read a non-secret runtime variable such as NODE_ENV.",
  parameters: z.object({ key: z.string() }),
  execute: async ({ key }) => {
    if (!PUBLIC_VARS.has(key)) {
      throw new Error("variable is not public");
    }
    logger.info({ key }, "read_public_var");
    return process.env[key] ?? "";
  },
});

export const repoAgent = new Agent({
  name: "repo-maintainer",
  instructions: "Keep the app repository healthy.",
  tools: [gitStatus, deleteBranch, runNpmScript, evaluateExpression, readPublicVar],
});
