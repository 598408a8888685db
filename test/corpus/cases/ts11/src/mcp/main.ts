import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { WebClient } from "@slack/web-api";
import Stripe from "stripe";
import twilio from "twilio";
import { settings } from "../config/settings.js";
import { ApprovalService } from "../lib/approvals.js";
import { HttpClient } from "../lib/http.js";
import { rootLogger } from "../lib/logger.js";
import { createBillingServer } from "./billingServer.js";

const http = new HttpClient(settings.http);
const server = createBillingServer({
  stripe: new Stripe(process.env.STRIPE_SECRET_KEY ?? "", { maxNetworkRetries: 2 }),
  sms: twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN),
  slack: new WebClient(process.env.SLACK_BOT_TOKEN),
  approvals: new ApprovalService(http, settings.approvals),
});

await server.connect(new StdioServerTransport());
rootLogger.info("shop-billing MCP server listening on stdio");
