import { createTool } from "@mastra/core/tools";
import { z } from "zod";
import Database from "better-sqlite3";
import Stripe from "stripe";
import {
  PUBLIC_CONFIG_KEYS,
  assertAllowedHost,
  assertAllowedTables,
  isHostAllowed,
  requestApproval,
} from "../lib/guards";
import { logger } from "../lib/logger";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-11-20.acacia" });
const INTERNAL_API = process.env.INTERNAL_API_URL ?? "https://internal-api.acme.io/v2/";
const analyticsDb = new Database(process.env.ANALYTICS_DB ?? "data/analytics.db", {
  readonly: true,
  fileMustExist: true,
});

export const httpGetTool = createTool({
  id: "http-get",
  description: "GET an internal API endpoint (path relative to the internal API) and return the JSON.",
  inputSchema: z.object({
    path: z.string().describe("Endpoint path, e.g. `deployments?service=web`"),
  }),
  execute: async ({ context }) => {
    const url = new URL(context.path, INTERNAL_API);
    logger.info("http-get", { url: url.toString() });
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${process.env.INTERNAL_API_TOKEN}` },
    });
    return { status: res.status, body: await res.json() };
  },
});

export const checkStatusTool = createTool({
  id: "check-status",
  description:
    "Fetch a vendor status page summary (GitHub, Cloudflare, OpenAI, our own status page).",
  inputSchema: z.object({
    url: z.string().url().describe("e.g. https://www.githubstatus.com/api/v2/summary.json"),
  }),
  execute: async ({ context }) => {
    const url = assertAllowedHost(context.url);
    logger.info("check-status", { host: url.hostname });
    const res = await fetch(url, { headers: { accept: "application/json" } });
    const summary = await res.json();
    return { status: summary.status?.description, incidents: summary.incidents ?? [] };
  },
});

export const fetchJsonTool = createTool({
  id: "fetch-json",
  description: "Fetch any JSON document over HTTP(S).",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ context }) => {
    if (!isHostAllowed(context.url)) {
      throw new Error(`Requests to ${new URL(context.url).hostname} are blocked by FETCH_ALLOWLIST`);
    }
    logger.info("fetch-json", { url: context.url });
    const res = await fetch(context.url, { headers: { accept: "application/json" } });
    return res.json();
  },
});

export const queryEventsTool = createTool({
  id: "query-events",
  description: "Count product analytics events of a given type over the last N days.",
  inputSchema: z.object({
    eventType: z.string().describe("e.g. signup, checkout_completed"),
    days: z.number().int().min(1).max(90).default(7),
  }),
  execute: async ({ context: { eventType, days } }) => {
    const rows = analyticsDb
      .prepare(
        `SELECT date(ts) AS day, count(*) AS n FROM events
          WHERE type = '${eventType}' AND ts >= date('now', '-${days} days')
          GROUP BY day ORDER BY day`,
      )
      .all();
    return { rows };
  },
});

export const runAnalyticsSqlTool = createTool({
  id: "run-analytics-sql",
  description:
    "Run an ad-hoc SQL query against the analytics replica (tables: events, sessions, daily_active_users, feature_flags).",
  inputSchema: z.object({ sql: z.string() }),
  execute: async ({ context }) => {
    assertAllowedTables(context.sql);
    logger.info("run-analytics-sql", { sql: context.sql });
    const rows = analyticsDb.prepare(context.sql).all();
    return { rows: rows.slice(0, 500) };
  },
});

export const createRefundTool = createTool({
  id: "create-refund",
  description: "Refund a Stripe charge. A human on the billing rota must approve first.",
  inputSchema: z.object({
    chargeId: z.string().regex(/^ch_[A-Za-z0-9]+$/),
    amountCents: z.number().int().positive(),
    reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]),
  }),
  execute: async ({ context: { chargeId, amountCents, reason } }) => {
    logger.info("create-refund requested", { chargeId, amountCents, reason });
    const approved = await requestApproval({
      action: "stripe.refund",
      summary: `Refund $${(amountCents / 100).toFixed(2)} on ${chargeId} (${reason})`,
      requestedBy: "support-agent",
      payload: { chargeId, amountCents },
    });
    if (!approved) {
      return { status: "rejected" as const };
    }
    const refund = await stripe.refunds.create({ charge: chargeId, amount: amountCents, reason });
    return { status: refund.status, id: refund.id };
  },
});

export const payoutVendorTool = createTool({
  id: "payout-vendor",
  description: "Transfer funds to a vendor's connected Stripe account.",
  inputSchema: z.object({
    connectedAccountId: z.string().regex(/^acct_[A-Za-z0-9]+$/),
    amountCents: z.number().int().positive(),
    memo: z.string().max(200),
  }),
  execute: async ({ context }) => {
    const transfer = await stripe.transfers.create({
      amount: context.amountCents,
      currency: "usd",
      destination: context.connectedAccountId,
      description: context.memo,
    });
    return { id: transfer.id, amount: transfer.amount };
  },
});

const SENSITIVE = /(SECRET|TOKEN|PASSWORD|PRIVATE)/i;

export const getEnvVarTool = createTool({
  id: "get-env-var",
  description: "Read an environment variable of the ops runtime (secrets are redacted).",
  inputSchema: z.object({ name: z.string().regex(/^[A-Z][A-Z0-9_]*$/) }),
  execute: async ({ context }) => {
    if (SENSITIVE.test(context.name)) {
      return { name: context.name, value: "[redacted]" };
    }
    return { name: context.name, value: process.env[context.name] ?? null };
  },
});

export const getPublicConfigTool = createTool({
  id: "get-public-config",
  description: `Read a non-secret runtime setting. Keys: ${PUBLIC_CONFIG_KEYS.join(", ")}.`,
  inputSchema: z.object({ key: z.string() }),
  execute: async ({ context }) => {
    if (!PUBLIC_CONFIG_KEYS.includes(context.key)) {
      throw new Error(`Unknown config key ${context.key}`);
    }
    logger.info("get-public-config", { key: context.key });
    return { key: context.key, value: process.env[context.key] ?? null };
  },
});

const dataTools = {
  httpGetTool,
  checkStatusTool,
  fetchJsonTool,
  queryEventsTool,
  runAnalyticsSqlTool,
  createRefundTool,
  payoutVendorTool,
  getEnvVarTool,
  getPublicConfigTool,
};

export default dataTools;
