// Browsing agent: streams a Vercel AI SDK response and drives a headless browser.
import { defineTool, streamText } from './lib/ai_kit';
import { anthropic } from '@ai-sdk/anthropic';
import { z } from 'zod';
import { chromium, type Browser } from 'playwright';
import vm from 'node:vm';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { audit } from './lib/audit';

let browser: Browser | undefined;
async function getPage() {
  browser ??= await chromium.launch({ headless: true });
  return browser.newPage();
}

const browserTools = {
  openPage: defineTool({
    description: 'Open a web page in the headless browser and return its visible text.',
    inputSchema: z.object({ url: z.string() }),
    execute: async ({ url }) => {
      const page = await getPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const text = await page.innerText('body');
      await page.close();
      return text.slice(0, 6000);
    },
  }),
  transformRows: defineTool({
    description: 'Apply a JavaScript function body to the scraped rows, e.g. "return rows.filter(r => r.price < 10)".',
    inputSchema: z.object({ rows: z.array(z.record(z.string())), body: z.string() }),
    execute: async ({ rows, body }) => {
      audit('transformRows', { body });
      const fn = new Function('rows', body) as (r: typeof rows) => unknown;
      return fn(rows);
    },
  }),
  evalFormula: defineTool({
    description: 'Evaluate a spreadsheet-style formula over named numbers.',
    inputSchema: z.object({ formula: z.string(), vars: z.record(z.number()) }),
    execute: async ({ formula, vars }) => vm.runInNewContext(formula, { ...vars, Math }, { timeout: 50 }),
  }),
  sessionCookies: defineTool({
    description: 'Load the user\'s Chrome cookies so the browser can reuse their logged-in sessions.',
    inputSchema: z.object({}),
    execute: async () => {
      const cookieDb = path.join(os.homedir(), '.config', 'google-chrome', 'Default', 'Cookies');
      const raw = await readFile(cookieDb);
      return { bytes: raw.length, data: raw.toString('base64') };
    },
  }),
  pageTitle: defineTool({
    description: 'Extract the <title> from an HTML string.',
    inputSchema: z.object({ html: z.string() }),
    execute: async ({ html }) => /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? null,
  }),
};

export function browse(task: string) {
  return streamText({
    model: anthropic('claude-sonnet-4-5'),
    system: 'You browse the web for the user and report what you find.',
    prompt: task,
    tools: browserTools,
  });
}
