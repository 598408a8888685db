import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";
import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import { settings } from "../config/settings.js";
import { ToolInputError } from "../lib/errors.js";
import { getLogger } from "../lib/logger.js";

const execFileAsync = promisify(execFile);
const execAsync = promisify(exec);
const log = getLogger("mastra.ops");

const output = z.object({ output: z.string() });

export const runBuildStep = createTool({
  id: "run_build_step",
  description: "Run one of the repository's package scripts: lint, test, typecheck or build.",
  inputSchema: z.object({ script: z.string() }),
  outputSchema: output,
  execute: async ({ context }) => {
    if (!settings.build.allowedScripts.has(context.script)) {
      throw new ToolInputError(`script ${context.script} is not allowed`);
    }
    log.info({ script: context.script }, "run_build_step");
    const { stdout, stderr } = await execFileAsync("pnpm", ["run", context.script], {
      cwd: settings.build.repoDir,
      timeout: 10 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { output: (stdout + stderr).slice(-8_000) };
  },
});

export const execInSandbox = createTool({
  id: "exec_in_sandbox",
  description: "Run a shell command inside the disposable sandbox container to reproduce a bug.",
  inputSchema: z.object({ command: z.string().max(2_000) }),
  outputSchema: output,
  execute: async ({ context }) => {
    log.info({ command: context.command }, "exec_in_sandbox");
    const { stdout, stderr } = await execAsync(
      `docker exec ${settings.build.sandboxContainer} sh -c "${context.command.replace(/"/g, '\\"')}"`,
      { timeout: 120_000 },
    );
    return { output: (stdout + stderr).slice(-8_000) };
  },
});

export const getIntegrationToken = createTool({
  id: "get_integration_token",
  description: "Return the API token configured for an integration (e.g. zendesk, shipstation).",
  inputSchema: z.object({ integration: z.string() }),
  outputSchema: z.object({ integration: z.string(), token: z.string() }),
  execute: async ({ context }) => {
    const key = `${context.integration.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_API_TOKEN`;
    const token = process.env[key];
    if (!token) {
      throw new ToolInputError(`no token configured for ${context.integration}`);
    }
    return { integration: context.integration, token };
  },
});
