// Notifications MCP server: e-mail, Slack and status checks (McpServer API).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { WebClient } from "@slack/web-api";
import axios from "axios";
import nodemailer from "nodemailer";
import { z } from "zod";
import { logger, requestApproval } from "./shared.js";

const FROM = process.env.MAIL_FROM ?? "support@example.com";
const transporter = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: 587,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

const server = new McpServer({ name: "notify", version: "0.7.0" });

server.registerTool(
  "send_email",
  {
    title: "Send e-mail",
    description: "Send an e-mail to a customer from the support mailbox",
    inputSchema: { to: z.string().email(), subject: z.string(), text: z.string() },
    annotations: { destructiveHint: false, openWorldHint: true },
  },
  async ({ to, subject, text }) => {
    const approved = await requestApproval("send_email", { to, subject });
    if (!approved) {
      return { content: [{ type: "text", text: "A reviewer declined this e-mail." }] };
    }
    logger.info({ tool: "send_email", to, subject }, "sending e-mail");
    const info = await transporter.sendMail({ from: FROM, to, subject, text });
    return { content: [{ type: "text", text: `sent ${info.messageId}` }] };
  },
);

server.tool(
  "post_to_slack",
  "Post a message to a Slack channel as the team bot",
  { channel: z.string(), text: z.string() },
  async ({ channel, text }) => {
    try {
      const res = await slack.chat.postMessage({ channel, text });
      return { content: [{ type: "text", text: `posted ${res.ts}` }] };
    } catch (err) {
      logger.error({ tool: "post_to_slack", channel, err }, "slack post failed");
      throw err;
    }
  },
);

server.tool(
  "fetch_status",
  "Fetch a component's JSON from the public status page",
  { url: z.string().url() },
  async ({ url }) => {
    if (!url.startsWith("https://status.example.com/")) {
      throw new Error("only https://status.example.com/ URLs are allowed");
    }
    logger.info({ tool: "fetch_status", url }, "status");
    const res = await axios.get(url, { maxRedirects: 0, timeout: 10_000 });
    return { content: [{ type: "text", text: JSON.stringify(res.data) }] };
  },
);

server.prompt(
  "summarize_incident",
  "Summarise an incident write-up for the weekly update",
  { incidentUrl: z.string() },
  async ({ incidentUrl }) => {
    const res = await fetch(incidentUrl);
    const body = await res.text();
    return {
      messages: [{ role: "user", content: { type: "text", text: `Summarise for the weekly update:\n\n${body}` } }],
    };
  },
);

await server.connect(new StdioServerTransport());
