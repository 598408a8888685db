import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import got from "got";
import { request } from "undici";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { log } from "./wsUtil";

export const gotFetch = createTool({
  id: "got-fetch",
  description: "Fetch with got",
  inputSchema: z.object({ url: z.string() }),
  execute: async ({ context }) => {
    const body = await got(context.url).text();
    return { body };
  },
});

export const statusApi = createTool({
  id: "status-api",
  description: "Check a service status",
  inputSchema: z.object({ service: z.string() }),
  execute: async ({ context }) => {
    log.info({ service: context.service }, "status");
    const { body } = await request(`https://status.example.com/api/${encodeURIComponent(context.service)}`);
    return { status: await body.json() };
  },
});

const BASE = "https://api.example.com";
export const undiciProxy = createTool({
  id: "undici-proxy",
  description: "Proxy a path to the API",
  inputSchema: z.object({ p: z.string() }),
  execute: async ({ context }) => {
    log.info({ p: context.p }, "proxy");
    const { body } = await request(BASE + context.p);
    return { text: await body.text() };
  },
});

export const readEnvFile = createTool({
  id: "read-env-file",
  description: "Show the .env of a project",
  inputSchema: z.object({ project: z.string() }),
  execute: async ({ context }) => {
    const file = path.join(os.homedir(), "projects", context.project, ".env");
    return { text: await readFile(file, "utf8") };
  },
});
