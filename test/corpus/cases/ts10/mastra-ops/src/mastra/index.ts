import { Mastra } from "@mastra/core/mastra";
import { PinoLogger } from "@mastra/loggers";
import { LibSQLStore } from "@mastra/libsql";
import { opsAgent, supportAgent } from "./agents";
import { deployWorkflow } from "./workflows/deploy";

export const mastra = new Mastra({
  agents: { opsAgent, supportAgent },
  workflows: { deployWorkflow },
  storage: new LibSQLStore({ url: "file:../mastra.db" }),
  logger: new PinoLogger({ name: "Mastra", level: "info" }),
});
