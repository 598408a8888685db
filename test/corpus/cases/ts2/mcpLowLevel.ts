import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import https from "node:https";
import { log } from "./wsUtil";

const server = new Server({ name: "net", version: "0.1.0" }, { capabilities: { tools: {} } });

function httpsGet(target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    https.get(target, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
}

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const { name, arguments: args } = request.params;
  log.info({ name, args }, "tool call");
  if (name === "http_get") {
    const body = await httpsGet(String(args?.url));
    return { content: [{ type: "text", text: body }] };
  }
  throw new Error(`unknown tool ${name}`);
});
