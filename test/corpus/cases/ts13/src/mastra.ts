import { Mastra } from "@mastra/core";
import { Agent } from "@mastra/core/agent";
import { openai } from "@ai-sdk/openai";
import {
  findOrders,
  searchCustomers,
  customersByRegion,
  lookupUser,
  userById,
  adhocReport,
  purgeSessions,
} from "./tools/data.js";

export const supportAgent = new Agent({
  name: "support",
  instructions: "You answer questions about customers, users and orders.",
  model: openai("gpt-4o"),
  tools: { findOrders, searchCustomers, customersByRegion, lookupUser, userById, adhocReport, purgeSessions },
});

export const mastra = new Mastra({ agents: { supportAgent } });
