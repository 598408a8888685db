import { openai } from "@ai-sdk/openai";
import { Agent } from "@mastra/core/agent";
import { Mastra } from "@mastra/core";
import { execInSandbox, getIntegrationToken, runBuildStep } from "./opsTools.js";

export const releaseAgent = new Agent({
  name: "release-engineer",
  instructions:
    "You help engineers get a failing build green. Reproduce problems in the sandbox before proposing fixes.",
  model: openai("gpt-4.1"),
  tools: { runBuildStep, execInSandbox, getIntegrationToken },
});

export const mastra = new Mastra({ agents: { releaseAgent } });
