import { Agent, run } from "@openai/agents";
import { Agent as MastraAgent } from "@mastra/core/agent";
import { openai } from "@ai-sdk/openai";
import Stripe from "stripe";
import { StateGraph, MessagesAnnotation } from "@langchain/langgraph";
import { ToolNode } from "@langchain/langgraph/prebuilt";
import { ChatOpenAI } from "@langchain/openai";
import { researchTools } from "../tools/web";
import createPaymentTools from "../tools/payments";
import { LedgerService } from "../services/ledger";
import {
  appendNoteTool,
  deleteFileTool,
  deleteTempFileTool,
  listDirectoryTool,
  previewFileTool,
  readFileTool,
  readReportTool,
  readUploadTool,
  readWorkspaceFileTool,
  removeWorkspaceFileTool,
} from "../tools/files";
import {
  getConfigValueTool,
  getEnvVarTool,
  getServiceTokenTool,
  getWeatherTool,
  readAwsProfileTool,
} from "../tools/secrets.mjs";
import { databaseTools } from "../tools/database";
import { notifyCustomerTool, sendInvoiceEmailTool } from "../tools/messaging";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? "", { apiVersion: "2024-06-20" });

export const researchAgent = new Agent({
  name: "Researcher",
  instructions: "Answer product questions using the docs and the web. Cite URLs.",
  model: "gpt-4.1",
  tools: researchTools,
});

export const financeAgent = new Agent({
  name: "Finance",
  instructions: "Handle refunds, charges and payouts. Explain every money movement.",
  model: "gpt-4.1",
  tools: createPaymentTools({ stripe, ledger: new LedgerService() }),
});

export const filesAgent = new MastraAgent({
  name: "files",
  instructions: "Manage the user's workspace files and notes.",
  model: openai("gpt-4o-mini"),
  tools: {
    readFileTool,
    readWorkspaceFileTool,
    listDirectoryTool,
    readUploadTool,
    readReportTool,
    deleteFileTool,
    deleteTempFileTool,
    removeWorkspaceFileTool,
    appendNoteTool,
    previewFileTool,
  },
});

export const configAgent = new MastraAgent({
  name: "config",
  instructions: "Help on-call engineers debug deployment configuration.",
  model: openai("gpt-4o-mini"),
  tools: { getEnvVarTool, getConfigValueTool, getServiceTokenTool, readAwsProfileTool, getWeatherTool },
});

const billingTools = [...databaseTools, sendInvoiceEmailTool, notifyCustomerTool];
const billingModel = new ChatOpenAI({ model: "gpt-4.1" }).bindTools(billingTools);

export const billingGraph = new StateGraph(MessagesAnnotation)
  .addNode("agent", async (state) => ({ messages: [await billingModel.invoke(state.messages)] }))
  .addNode("tools", new ToolNode(billingTools))
  .addEdge("__start__", "agent")
  .addConditionalEdges("agent", (state) => {
    const last = state.messages[state.messages.length - 1] as { tool_calls?: unknown[] };
    return last.tool_calls?.length ? "tools" : "__end__";
  })
  .addEdge("tools", "agent")
  .compile();

export async function askResearcher(question: string): Promise<string> {
  const result = await run(researchAgent, question);
  return String(result.finalOutput ?? "");
}
