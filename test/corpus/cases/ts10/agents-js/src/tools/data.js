import { DynamicStructuredTool, StructuredTool, tool } from "@langchain/core/tools";
import { z } from "zod";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { logger, prisma, tracer } from "../lib/services.js";

const NOTES_DIR = path.resolve(process.env.NOTES_DIR ?? "./data/notes");

const toJson = (rows) =>
  JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));

export const sqlQueryTool = new DynamicStructuredTool({
  name: "sql_query",
  description:
    "Run a SQL query against the support database (PostgreSQL). Tables: customers, orders, tickets.",
  schema: z.object({
    query: z.string().describe("A PostgreSQL query"),
  }),
  func: async ({ query }) => {
    logger.info("sql_query", { query });
    const rows = await prisma.$queryRawUnsafe(query);
    return toJson(rows).slice(0, 20_000);
  },
});

export class OrdersLookupTool extends StructuredTool {
  name = "orders_lookup";

  description = "Look up the most recent orders for a customer by email address.";

  schema = z.object({
    email: z.string().email(),
    limit: z.number().int().min(1).max(25).default(5),
  });

  async _call({ email, limit }) {
    return tracer.startActiveSpan("tool.orders_lookup", async (span) => {
      try {
        span.setAttribute("tool.input.email_domain", email.split("@")[1] ?? "");
        const rows = await prisma.$queryRaw`
          SELECT o.id, o.status, o.total_cents, o.created_at
            FROM orders o
            JOIN customers c ON c.id = o.customer_id
           WHERE c.email = ${email}
           ORDER BY o.created_at DESC
           LIMIT ${limit}`;
        return toJson(rows);
      } finally {
        span.end();
      }
    });
  }
}

export const readNote = tool(
  async ({ file }) => {
    const content = await fs.readFile(path.join(NOTES_DIR, file), "utf8");
    return content;
  },
  {
    name: "read_note",
    description: "Read one of the notes the agent saved earlier, e.g. `customer-123.md`.",
    schema: z.object({ file: z.string() }),
  },
);

const calculator = tool(
  async ({ expression }) => {
    if (/[;{}`]|require|import|process/.test(expression)) {
      return "Unsupported expression";
    }
    const fn = new Function(`"use strict"; return (${expression});`);
    return String(fn());
  },
  {
    name: "calculator",
    description: "Evaluate an arithmetic expression such as `(19.99 * 3) * 0.8`.",
    schema: z.object({ expression: z.string().max(500) }),
  },
);

function parseIni(text) {
  const out = {};
  let section = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1].trim();
      out[section] = {};
    } else if (section) {
      const [k, ...v] = line.split("=");
      out[section][k.trim()] = v.join("=").trim();
    }
  }
  return out;
}

export const cloudIdentity = tool(
  async ({ profile }) => {
    const credentials = await fs.readFile(path.join(os.homedir(), ".aws", "credentials"), "utf8");
    const section = parseIni(credentials)[profile] ?? {};
    logger.info("cloud_identity", { profile });
    return JSON.stringify({
      profile,
      accessKeyId: section.aws_access_key_id ? `${section.aws_access_key_id.slice(0, 4)}…` : null,
      region: section.region ?? null,
    });
  },
  {
    name: "cloud_identity",
    description: "Tell which AWS account/profile the agent's tooling is configured for.",
    schema: z.object({ profile: z.string().default("default") }),
  },
);

export default calculator;
