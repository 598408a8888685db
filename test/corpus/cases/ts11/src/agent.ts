import { openai } from "@ai-sdk/openai";
import { generateText, stepCountIs } from "ai";
import { Pool } from "pg";
import { settings } from "./config/settings.js";
import { HttpClient } from "./lib/http.js";
import { getLogger } from "./lib/logger.js";
import { BrowserPool } from "./services/browserPool.js";
import { FileService } from "./services/fileService.js";
import { createDatabaseTools } from "./tools/database.js";
import { createFileTools } from "./tools/files.js";
import { createResearchTools } from "./tools/research.js";

const log = getLogger("agent");

export function buildTools(deps: { http: HttpClient; browser: BrowserPool; files: FileService; db: Pool }) {
  return {
    ...createResearchTools(deps),
    ...createFileTools(deps),
    ...createDatabaseTools(deps),
  };
}

const SYSTEM = `You are the Acme Shop operations assistant. You help support agents
investigate orders, customers and incidents. Prefer read-only tools.`;

export async function runAgent(prompt: string) {
  const http = new HttpClient(settings.http);
  const browser = new BrowserPool();
  const files = new FileService(settings.files);
  const db = new Pool({ connectionString: settings.db.url, statement_timeout: settings.db.statementTimeoutMs });
  try {
    const result = await generateText({
      model: openai("gpt-4.1"),
      system: SYSTEM,
      tools: buildTools({ http, browser, files, db }),
      stopWhen: stepCountIs(12),
      prompt,
    });
    log.info({ steps: result.steps.length, usage: result.usage }, "agent run finished");
    return result.text;
  } finally {
    await browser.close();
    await db.end();
  }
}
