import { tool, type Tool } from "ai";
import { z } from "zod";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { logger } from "../lib/logger.js";

interface EndpointConfig {
  name: string;
  description: string;
  baseUrl: string;
}

// One read-only lookup tool per internal service.
const ENDPOINTS: EndpointConfig[] = [
  { name: "getInvoice", description: "Fetch an invoice by id.", baseUrl: "https://billing.example.com/api/invoices" },
  { name: "getShipment", description: "Fetch a shipment by id.", baseUrl: "https://logistics.example.com/api/shipments" },
  { name: "getTicket", description: "Fetch a support ticket by id.", baseUrl: "https://support.example.com/api/tickets" },
];

export const endpointTools = Object.fromEntries(
  ENDPOINTS.map((e) => [
    e.name,
    tool({
      description: e.description,
      inputSchema: z.object({ id: z.string().regex(/^[A-Za-z0-9_-]+$/) }),
      execute: async ({ id }) => {
        logger.info({ endpoint: e.name, id }, "endpoint lookup");
        const res = await fetch(`${e.baseUrl}/${encodeURIComponent(id)}`);
        return res.json();
      },
    }),
  ]),
);

const DOC_DIRS: Record<string, string> = {
  policies: "/srv/helpdesk/policies",
  runbooks: "/srv/helpdesk/runbooks",
};

export const docTools: Record<string, Tool> = {};
for (const [kind, dir] of Object.entries(DOC_DIRS)) {
  docTools[`read_${kind}`] = tool({
    description: `Read a document from the ${kind} folder.`,
    inputSchema: z.object({ file: z.string().describe("File name, e.g. refunds.md") }),
    execute: async ({ file }) => {
      return readFile(path.join(dir, file), "utf8");
    },
  });
}
