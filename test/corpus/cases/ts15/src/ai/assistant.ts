import { openai } from "@ai-sdk/openai";
import { Agent } from "@mastra/core/agent";
import { generateText, stepCountIs } from "ai";
import { Router } from "express";
import {
  checkSiteStatus,
  crawlCompetitorPage,
  deleteCustomerNote,
  fetchSupplierFeed,
  recentCommits,
  runAnalyticsQuery,
} from "./mastra-tools";
import { fetchUrl, getOrderStatus, getShippingQuote, refundOrder, searchProducts, sendOrderEmail } from "./tools";

export const chatRouter = Router();

chatRouter.post("/assistant/chat", async (req, res) => {
  const result = await generateText({
    model: openai("gpt-4.1-mini"),
    system: "You are the Acme Outfitters support assistant.",
    messages: req.body.messages,
    tools: { getOrderStatus, searchProducts, fetchUrl, getShippingQuote, refundOrder, sendOrderEmail },
    stopWhen: stepCountIs(6),
  });
  res.json({ text: result.text, steps: result.steps.length });
});

export const merchandisingAgent = new Agent({
  name: "merchandising",
  instructions: "You compare our prices with suppliers and competitors and answer analytics questions.",
  model: openai("gpt-4.1-mini"),
  tools: { fetchSupplierFeed, checkSiteStatus, deleteCustomerNote, runAnalyticsQuery, crawlCompetitorPage, recentCommits },
});
