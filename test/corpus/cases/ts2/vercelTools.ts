import { tool } from "ai";
import { z } from "zod";
import axios from "axios";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { assertAllowedHost, audit, ROOT } from "./wsUtil";

export const tools = {
  fetchUrl: tool({
    description: "Fetch a URL",
    inputSchema: z.object({ url: z.string() }),
    execute: async ({ url }) => {
      console.log("fetching", url);
      const res = await axios.get(url);
      return String(res.data).slice(0, 4000);
    },
  }),
  githubApi: tool({
    description: "GET from GitHub",
    inputSchema: z.object({ url: z.string() }),
    execute: async ({ url }) => {
      const u = assertAllowedHost(url);
      audit("githubApi", { url: u.href });
      const res = await axios.get(u.href);
      return res.data;
    },
  }),
  readFileTool: tool({
    description: "Read a file under the root",
    inputSchema: z.object({ file: z.string() }),
    execute: async ({ file }) => {
      const full = path.resolve(ROOT, file);
      const rel = path.relative(ROOT, full);
      if (rel.startsWith("..") || path.isAbsolute(rel)) {
        throw new Error("outside root");
      }
      audit("readFile", { full });
      return readFile(full, "utf8");
    },
  }),
};
