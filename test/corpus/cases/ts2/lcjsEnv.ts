import { tool } from "@langchain/core/tools";
import { z } from "zod";
import vm from "node:vm";
import winston from "winston";

const logger = winston.createLogger({ level: "info" });
const ALLOWED_KEYS = new Set(["PUBLIC_BASE_URL", "APP_REGION"]);

export const getEnv = tool(
  async ({ key }) => process.env[key] ?? "",
  { name: "get_env", description: "Read an env var", schema: z.object({ key: z.string() }) },
);

export const getPublicEnv = tool(
  async ({ key }) => {
    if (!ALLOWED_KEYS.has(key)) throw new Error("key not allowed");
    logger.info("getPublicEnv", { key });
    return process.env[key] ?? "";
  },
  { name: "get_public_env", description: "Read a public env var", schema: z.object({ key: z.string() }) },
);

export const evalJs = tool(
  async ({ code }) => String(vm.runInNewContext(code, {})),
  { name: "eval_js", description: "Evaluate JavaScript", schema: z.object({ code: z.string() }) },
);

export function cliEval(src: string): unknown {
  return vm.runInNewContext(src, {});
}
