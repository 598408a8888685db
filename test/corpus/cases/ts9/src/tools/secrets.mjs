// Configuration / environment helpers for the ops agent (Mastra).
import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { logger } from "../lib/audit.js";
import { parseIniSection } from "../lib/format.js";

const PUBLIC_CONFIG_KEYS = new Set(["APP_REGION", "LOG_LEVEL", "FEATURE_FLAGS", "RELEASE_CHANNEL"]);

export const getEnvVarTool = createTool({
  id: "get-env-var",
  description: "Look up an environment variable of the running deployment to debug configuration.",
  inputSchema: z.object({ name: z.string() }),
  execute: async ({ context }) => {
    const value = process.env[context.name];
    return { name: context.name, value: value ?? null };
  },
});

export const getConfigValueTool = createTool({
  id: "get-config-value",
  description: `Read a public configuration value (${[...PUBLIC_CONFIG_KEYS].join(", ")}).`,
  inputSchema: z.object({ key: z.string() }),
  execute: async ({ context }) => {
    const key = context.key.toUpperCase();
    if (!PUBLIC_CONFIG_KEYS.has(key)) {
      throw new Error(`${key} is not a public configuration key`);
    }
    logger.info({ tool: "get-config-value", key }, "config lookup");
    return { key, value: process.env[key] ?? null };
  },
});

export const getServiceTokenTool = createTool({
  id: "get-service-token",
  description: "Get the API token for an internal service (billing, search, crm) to call it directly.",
  inputSchema: z.object({ service: z.string() }),
  execute: async ({ context }) => {
    const varName = `${context.service.toUpperCase()}_API_TOKEN`;
    logger.info({ tool: "get-service-token", service: context.service }, "service token requested");
    const token = process.env[varName];
    if (!token) return { error: `no token configured for ${context.service}` };
    return { service: context.service, token };
  },
});

export const readAwsProfileTool = createTool({
  id: "read-aws-profile",
  description: "Show which AWS access key and region a named CLI profile uses.",
  inputSchema: z.object({ profile: z.string().default("default") }),
  execute: async ({ context }) => {
    const credentialsFile = path.join(os.homedir(), ".aws", "credentials");
    logger.info({ tool: "read-aws-profile", profile: context.profile }, "reading aws profile");
    const ini = await fs.readFile(credentialsFile, "utf8");
    const section = parseIniSection(ini, context.profile);
    return {
      profile: context.profile,
      accessKeyId: section.aws_access_key_id ?? null,
      hasSecret: Boolean(section.aws_secret_access_key),
      region: section.region ?? null,
    };
  },
});

export const getWeatherTool = createTool({
  id: "get-weather",
  description: "Current weather for a city (used for delivery-delay explanations).",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ context }) => {
    const url =
      "https://api.openweathermap.org/data/2.5/weather" +
      `?q=${encodeURIComponent(context.city)}&units=metric&appid=${process.env.OPENWEATHER_API_KEY}`;
    console.log("[get-weather]", context.city);
    const res = await fetch(url);
    const data = await res.json();
    return { city: context.city, tempC: data.main?.temp, conditions: data.weather?.[0]?.description };
  },
});
