#!/usr/bin/env node
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";
import { GitHubClient } from "./client.js";
import { auditLog, logger } from "../../shared/logger.js";

const GITHUB_API = "https://api.github.com";
const RAW_BASE = "https://raw.githubusercontent.com/";

const gh = new GitHubClient();
const server = new McpServer({ name: "github-mcp", version: "1.4.0" });

const repoParams = {
  owner: z.string().regex(/^[A-Za-z0-9-]+$/),
  repo: z.string().regex(/^[A-Za-z0-9._-]+$/),
};

server.tool(
  "get_file_contents",
  "Get the contents of a file or directory from a GitHub repository",
  { ...repoParams, path: z.string(), ref: z.string().optional() },
  async ({ owner, repo, path, ref }) => {
    auditLog("get_file_contents", { owner, repo, path, ref });
    const query = ref ? `?ref=${encodeURIComponent(ref)}` : "";
    const data = await gh.request<{ content?: string; encoding?: string }>(
      `repos/${owner}/${repo}/contents/${path}${query}`,
    );
    const body =
      data.content && data.encoding === "base64"
        ? Buffer.from(data.content, "base64").toString("utf8")
        : JSON.stringify(data, null, 2);
    return { content: [{ type: "text", text: body }] };
  },
);

server.tool(
  "github_api",
  "Call any GitHub REST endpoint not covered by the other tools, e.g. `/repos/{owner}/{repo}/pulls/{n}/files`.",
  {
    endpoint: z.string().describe("Path starting with /"),
    method: z.enum(["GET", "POST", "PATCH"]).default("GET"),
    body: z.record(z.unknown()).optional(),
  },
  async ({ endpoint, method, body }) => {
    auditLog("github_api", { endpoint, method });
    const res = await fetch(`${GITHUB_API}${endpoint}`, {
      method,
      headers: gh.headers({ "content-type": "application/json" }),
      body: body ? JSON.stringify(body) : undefined,
    });
    return { content: [{ type: "text", text: await res.text() }], isError: !res.ok };
  },
);

server.tool(
  "fetch_raw_file",
  "Download a raw file from raw.githubusercontent.com, given `owner/repo/ref/path/to/file`.",
  { filePath: z.string() },
  async ({ filePath }) => {
    const res = await fetch(new URL(filePath, RAW_BASE), { headers: gh.headers() });
    if (!res.ok) {
      return { content: [{ type: "text", text: `HTTP ${res.status}` }], isError: true };
    }
    return { content: [{ type: "text", text: await res.text() }] };
  },
);

server.tool(
  "delete_branch",
  "Delete a branch from a repository (e.g. after a pull request was merged).",
  { ...repoParams, branch: z.string().min(1) },
  async ({ owner, repo, branch }) => {
    const answer = await server.server.elicitInput({
      message: `Delete branch '${branch}' from ${owner}/${repo}? This cannot be undone.`,
      requestedSchema: {
        type: "object",
        properties: { confirm: { type: "boolean", title: "Delete branch" } },
        required: ["confirm"],
      },
    });
    if (answer.action !== "accept" || !answer.content?.confirm) {
      return { content: [{ type: "text", text: "Cancelled." }] };
    }
    auditLog("delete_branch", { owner, repo, branch });
    await gh.request(`repos/${owner}/${repo}/git/refs/heads/${encodeURIComponent(branch)}`, {
      method: "DELETE",
    });
    return { content: [{ type: "text", text: `Deleted ${owner}/${repo}@${branch}` }] };
  },
);

const transport = new StdioServerTransport();
await server.connect(transport);
logger.info("GitHub MCP server running on stdio");
