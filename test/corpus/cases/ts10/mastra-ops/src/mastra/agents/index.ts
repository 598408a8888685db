import { Agent } from "@mastra/core/agent";
import { Memory } from "@mastra/memory";
import { openai } from "@ai-sdk/openai";
import {
  deleteFileTool,
  listDirectoryTool,
  readWorkspaceFileTool,
  runCommandTool,
  runNpmScriptTool,
  tailLogTool,
} from "../tools/ops-tools";
import dataTools from "../tools/data-tools";

export const opsAgent = new Agent({
  name: "Ops Agent",
  instructions: `You help the platform team operate production.
Prefer read-only tools. Explain what a command will do before running it.`,
  model: openai("gpt-4o"),
  tools: {
    runCommandTool,
    runNpmScriptTool,
    readWorkspaceFileTool,
    listDirectoryTool,
    deleteFileTool,
    tailLogTool,
    httpGetTool: dataTools.httpGetTool,
    checkStatusTool: dataTools.checkStatusTool,
    fetchJsonTool: dataTools.fetchJsonTool,
    getEnvVarTool: dataTools.getEnvVarTool,
    getPublicConfigTool: dataTools.getPublicConfigTool,
  },
  memory: new Memory(),
});

export const supportAgent = new Agent({
  name: "Support Agent",
  instructions: `You answer billing and usage questions for Acme customers.
Use analytics tools for usage questions. Refunds require human approval.`,
  model: openai("gpt-4o-mini"),
  tools: {
    queryEventsTool: dataTools.queryEventsTool,
    runAnalyticsSqlTool: dataTools.runAnalyticsSqlTool,
    createRefundTool: dataTools.createRefundTool,
    payoutVendorTool: dataTools.payoutVendorTool,
  },
});
