import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { exec } from "node:child_process";
import fs from "node:fs/promises";
import { promisify } from "node:util";
import got from "got";
import { z } from "zod";
import { auditLog, logger } from "../lib/audit";
import { ensureApproved } from "../lib/approval";
import { knex, pool } from "../lib/db";
import { resolveInSandbox } from "../lib/fs-sandbox";
import { getJson } from "../lib/http";

const sh = promisify(exec);
const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });

const EXPORT_BUCKET = "acme-customer-exports";
const LOG_ROOT = "/var/log/acme";
const FEED_HOSTS = new Set(["status.acme.dev", "blog.acme.dev"]);

const server = new McpServer({ name: "acme-ops", version: "1.4.0" });

const text = (t: string) => ({ content: [{ type: "text" as const, text: t }] });

server.registerTool(
  "fetch_document",
  {
    title: "Fetch document",
    description: "Fetch a JSON document (title + body) from a knowledge-base URL.",
    inputSchema: { url: z.string().url() },
  },
  async ({ url }) => {
    logger.info({ tool: "fetch_document", url }, "fetching document");
    const doc = await getJson<{ title: string; body: string }>(url);
    return text(`# ${doc.title}\n\n${doc.body}`);
  },
);

server.tool(
  "jira_issue",
  "Fetch a Jira issue from its REST `self` URL (https://acme.atlassian.net/rest/api/3/issue/…).",
  { apiUrl: z.string() },
  async ({ apiUrl }) => {
    if (!apiUrl.startsWith("https://acme.atlassian.net")) {
      return { isError: true, ...text("Only acme.atlassian.net issues can be fetched.") };
    }
    auditLog({ tool: "jira_issue", action: "http.get", target: apiUrl });
    const issue = await got(apiUrl, {
      username: process.env.ATLASSIAN_USER,
      password: process.env.ATLASSIAN_API_TOKEN,
    }).json<{ key: string; fields: { summary: string; status: { name: string } } }>();
    return text(`${issue.key}: ${issue.fields.summary} [${issue.fields.status.name}]`);
  },
);

server.registerTool(
  "download_feed",
  {
    description: "Download an RSS/Atom feed from the status page or the blog.",
    inputSchema: { feedUrl: z.string().url() },
  },
  async ({ feedUrl }) => {
    const res = await fetch(feedUrl, { redirect: "follow" });
    const finalHost = new URL(res.url).hostname;
    if (!FEED_HOSTS.has(finalHost)) {
      return { isError: true, ...text(`Feed host ${finalHost} is not trusted`) };
    }
    logger.info({ tool: "download_feed", feedUrl, finalHost }, "feed downloaded");
    const xml = await res.text();
    const titles = [...xml.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]).slice(0, 20);
    return text(titles.join("\n"));
  },
);

server.tool(
  "query_inventory",
  "Look up stock levels for a SKU, optionally in one warehouse.",
  { sku: z.string(), warehouse: z.string().optional() },
  async ({ sku, warehouse }) => {
    const result = await knex.raw(
      "select sku, warehouse, on_hand, reserved from inventory where sku = ? and (?::text is null or warehouse = ?)",
      [sku, warehouse ?? null, warehouse ?? null],
    );
    return text(JSON.stringify(result.rows));
  },
);

server.registerTool(
  "delete_draft",
  {
    description: "Delete one of the user's draft replies.",
    inputSchema: { draftId: z.string().uuid() },
  },
  async ({ draftId }) => {
    const answer = await server.server.elicitInput({
      message: `Delete draft ${draftId}? This cannot be undone.`,
      requestedSchema: {
        type: "object",
        properties: { confirm: { type: "boolean", title: "Delete the draft" } },
        required: ["confirm"],
      },
    });
    if (answer.action !== "accept" || answer.content?.confirm !== true) {
      return text("Deletion cancelled.");
    }
    auditLog({ tool: "delete_draft", action: "drafts.delete", target: draftId });
    await pool.query("DELETE FROM drafts WHERE id = $1", [draftId]);
    return text(`Draft ${draftId} deleted.`);
  },
);

server.tool(
  "disk_usage",
  "Show disk usage for a mount point on the ops host.",
  { mount: z.string().default("/") },
  async ({ mount }) => {
    logger.info({ tool: "disk_usage", mount }, "disk usage check");
    const { stdout } = await sh(`df -h ${mount}`);
    return text(stdout);
  },
);

server.registerTool(
  "read_log",
  {
    description: "Read the last lines of a service log under /var/log/acme.",
    inputSchema: { file: z.string(), tailLines: z.number().int().min(1).max(2000).default(200) },
  },
  async ({ file, tailLines }) => {
    const full = resolveInSandbox(file, LOG_ROOT);
    auditLog({ tool: "read_log", action: "fs.readFile", target: full });
    const content = await fs.readFile(full, "utf8");
    return text(content.split("\n").slice(-tailLines).join("\n"));
  },
);

server.registerTool(
  "delete_export",
  {
    description: "Delete a customer data export from the exports bucket.",
    inputSchema: { key: z.string() },
  },
  async ({ key }) => {
    await ensureApproved({ action: "s3.deleteObject", summary: `s3://${EXPORT_BUCKET}/${key}` });
    auditLog({ tool: "delete_export", action: "s3.deleteObject", target: `${EXPORT_BUCKET}/${key}` });
    await s3.send(new DeleteObjectCommand({ Bucket: EXPORT_BUCKET, Key: key }));
    return text(`Deleted s3://${EXPORT_BUCKET}/${key}`);
  },
);

export default server;

if (import.meta.url === `file://${process.argv[1]}`) {
  await server.connect(new StdioServerTransport());
}
