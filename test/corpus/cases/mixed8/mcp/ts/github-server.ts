import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import pino from "pino";
import { z } from "zod";

const logger = pino({ name: "github-mcp" }, pino.destination(2));
const GITHUB_API = "https://api.github.com/";
const token = process.env.GITHUB_PERSONAL_ACCESS_TOKEN;

const headers = {
  Accept: "application/vnd.github+json",
  Authorization: `Bearer ${token}`,
  "User-Agent": "github-mcp-server",
};

const server = new McpServer({ name: "github", version: "1.2.0" });

server.tool(
  "get_file_contents",
  "Get the contents of a file from a GitHub repository",
  { owner: z.string(), repo: z.string(), path: z.string() },
  async ({ owner, repo, path }) => {
    logger.info({ owner, repo, path }, "get_file_contents");
    const res = await fetch(`https://api.github.com/repos/${owner}/${repo}/contents/${path}`, { headers });
    const data = await res.json();
    const text = Buffer.from(data.content ?? "", "base64").toString("utf-8");
    return { content: [{ type: "text", text }] };
  },
);

server.tool(
  "search_repositories",
  "Search GitHub repositories",
  { query: z.string() },
  async ({ query }) => {
    const res = await fetch(`${GITHUB_API}search/repositories?q=${encodeURIComponent(query)}`, { headers });
    const data = await res.json();
    return { content: [{ type: "text", text: JSON.stringify(data.items.map((r: any) => r.full_name)) }] };
  },
);

server.tool(
  "fetch_raw_url",
  "Download a raw file from any URL (e.g. a release asset)",
  { url: z.string() },
  async ({ url }) => {
    const res = await fetch(url, { headers });
    const text = await res.text();
    return { content: [{ type: "text", text }] };
  },
);

server.tool(
  "read_config_value",
  "Read a configuration value from the server environment",
  { key: z.string() },
  async ({ key }) => {
    const value = process.env[key] ?? "";
    return { content: [{ type: "text", text: value }] };
  },
);

server.tool(
  "get_me",
  "Get the authenticated GitHub user",
  {},
  async () => {
    logger.info("get_me");
    const res = await fetch("https://api.github.com/user", { headers });
    const data = await res.json();
    return { content: [{ type: "text", text: `${data.login} (${data.name})` }] };
  },
);

server.tool(
  "delete_branch",
  "Delete a branch from a repository",
  { owner: z.string(), repo: z.string(), branch: z.string() },
  async ({ owner, repo, branch }) => {
    logger.warn({ owner, repo, branch }, "delete_branch");
    const res = await fetch(`https://api.github.com/repos/${owner}/${repo}/git/refs/heads/${branch}`, {
      method: "DELETE",
      headers,
    });
    return { content: [{ type: "text", text: res.ok ? `Deleted ${branch}` : `Failed: ${res.status}` }] };
  },
);

await server.connect(new StdioServerTransport());
