import { createStep, createWorkflow } from "@mastra/core/workflows";
import { z } from "zod";
import { exec as execCb } from "node:child_process";
import { promisify } from "node:util";
import { promises as fs } from "node:fs";
import path from "node:path";
import { WORKSPACE_ROOT } from "../lib/guards";
import { logger } from "../lib/logger";

const exec = promisify(execCb);

const DeployInput = z.object({
  service: z.string(),
  ref: z.string().default("main"),
  environment: z.enum(["staging", "production"]),
});

const checkout = createStep({
  id: "checkout",
  inputSchema: DeployInput,
  outputSchema: DeployInput.extend({ sha: z.string() }),
  execute: async ({ inputData }) => {
    await exec(`git fetch origin ${inputData.ref} && git checkout ${inputData.ref}`, { cwd: WORKSPACE_ROOT });
    const { stdout } = await exec("git rev-parse HEAD", { cwd: WORKSPACE_ROOT });
    return { ...inputData, sha: stdout.trim() };
  },
});

const build = createStep({
  id: "build",
  inputSchema: DeployInput.extend({ sha: z.string() }),
  outputSchema: z.object({ service: z.string(), sha: z.string(), environment: z.string() }),
  execute: async ({ inputData }) => {
    const { stdout } = await exec(`npm run build --workspace ${inputData.service}`, {
      cwd: WORKSPACE_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    await fs.writeFile(path.join(WORKSPACE_ROOT, "logs", `build-${inputData.service}.log`), stdout);
    return { service: inputData.service, sha: inputData.sha, environment: inputData.environment };
  },
});

const notify = createStep({
  id: "notify",
  inputSchema: z.object({ service: z.string(), sha: z.string(), environment: z.string() }),
  outputSchema: z.object({ notified: z.boolean() }),
  execute: async ({ inputData }) => {
    const hook = process.env.DEPLOY_WEBHOOK_URL;
    if (!hook) return { notified: false };
    await fetch(hook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: `Deployed ${inputData.service}@${inputData.sha.slice(0, 7)} to ${inputData.environment}` }),
    });
    logger.info("deploy notified", inputData);
    return { notified: true };
  },
});

export const deployWorkflow = createWorkflow({
  id: "deploy-service",
  inputSchema: DeployInput,
  outputSchema: z.object({ notified: z.boolean() }),
})
  .then(checkout)
  .then(build)
  .then(notify)
  .commit();
