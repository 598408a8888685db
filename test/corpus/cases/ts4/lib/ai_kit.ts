// Re-exports so agents do not import the SDK directly.
export { tool as defineTool, streamText, generateText } from 'ai';
export { createTool as makeMastraTool } from '@mastra/core/tools';
