import { generateText, stepCountIs } from "ai";
import { openai } from "@ai-sdk/openai";
import { Agent, run } from "@openai/agents";
import { ChatOpenAI } from "@langchain/openai";
import { createReactAgent } from "@langchain/langgraph/prebuilt";
import { fetchPage, searchDocs, fetchMany, fetchReferences, partnerLookup } from "./tools/web.js";
import { readProjectFile, appendNote, readUpload, deleteScratch, CleanupExportsTool } from "./tools/files.js";
import { RunCommandTool, gitShow, runBinary, evaluateExpression } from "./tools/shell.js";
import { refundPayment, postToSlack, pageOnCall, readSetting, cloudProfiles, formatMoney } from "./tools/ops.js";

export async function research(prompt: string) {
  return generateText({
    model: openai("gpt-4o"),
    tools: { fetchPage, searchDocs, fetchMany, fetchReferences, partnerLookup, postToSlack, pageOnCall, readSetting, cloudProfiles, formatMoney },
    stopWhen: stepCountIs(8),
    prompt,
  });
}

export const workstation = createReactAgent({
  llm: new ChatOpenAI({ model: "gpt-4o", temperature: 0 }),
  tools: [readProjectFile, appendNote, readUpload, deleteScratch, new CleanupExportsTool(), new RunCommandTool()],
});

export const billing = new Agent({
  name: "billing",
  instructions: "Help the support team with refunds and repository questions.",
  tools: [refundPayment, gitShow, runBinary, evaluateExpression],
});

export async function askBilling(question: string) {
  return run(billing, question);
}
