import { tool } from "ai";
import { z } from "zod";
import { auditLog } from "../lib/audit";
import { assertAllowedUrl, fetchJson } from "../lib/http";
import { logger } from "../lib/logger";
import { sendOrderUpdate } from "../lib/mailer";
import { getOrderById, searchProductsRaw } from "../models/catalog";
import { refundPayment } from "../services/billing";

export const getOrderStatus = tool({
  description: "Look up the status and total of an order by its id.",
  inputSchema: z.object({ orderId: z.number().int().positive() }),
  execute: async ({ orderId }) => {
    logger.info({ tool: "getOrderStatus", orderId }, "agent tool call");
    const order = await getOrderById(orderId);
    return order ?? { error: `order ${orderId} not found` };
  },
});

export const searchProducts = tool({
  description: "Search the product catalog by name.",
  inputSchema: z.object({ term: z.string().min(2) }),
  execute: async ({ term }) => {
    logger.info({ tool: "searchProducts", term }, "agent tool call");
    return searchProductsRaw(term, 10);
  },
});

export const fetchUrl = tool({
  description: "Fetch a JSON document (for example a supplier price list) from a URL.",
  inputSchema: z.object({ url: z.string().url() }),
  execute: async ({ url }) => {
    logger.info({ tool: "fetchUrl", url }, "agent tool call");
    const target = assertAllowedUrl(url);
    return fetchJson(target);
  },
});

export const getShippingQuote = tool({
  description: "Get a shipping quote for a parcel.",
  inputSchema: z.object({ zip: z.string().regex(/^\d{5}$/), weightOz: z.number().positive() }),
  execute: async ({ zip, weightOz }) => {
    console.log(`[ai] shipping quote zip=${zip} weight=${weightOz}`);
    const res = await fetch(`https://api.shipfast.io/v2/quotes?zip=${zip}&weight=${weightOz}`, {
      headers: { authorization: `Bearer ${process.env["SHIPFAST_API_KEY"]}` },
    });
    return res.json();
  },
});

export const refundOrder = tool({
  description: "Refund an order in full or in part.",
  inputSchema: z.object({ orderId: z.number().int(), amountCents: z.number().int().optional() }),
  needsApproval: true,
  execute: async ({ orderId, amountCents }) => {
    logger.info({ tool: "refundOrder", orderId, amountCents }, "agent tool call");
    const refund = await refundPayment(orderId, amountCents);
    return { refundId: refund.id, status: refund.status };
  },
});

export const sendOrderEmail = tool({
  description: "E-mail the customer an update about their order.",
  inputSchema: z.object({ orderId: z.number().int(), message: z.string().max(2000) }),
  execute: async ({ orderId, message }) => {
    auditLog("sendOrderEmail", { orderId, chars: message.length });
    const to = await sendOrderUpdate(orderId, message);
    return { sentTo: to };
  },
});
