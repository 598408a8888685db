import path from "node:path";

export const WORKSPACE_ROOT = path.resolve(process.env.AGENT_WORKSPACE ?? "/srv/agent/workspace");
export const UPLOAD_DIR = "/srv/agent/uploads";
export const EXPORT_DIR = path.join(WORKSPACE_ROOT, "exports");
export const SCRATCH_DIR = path.join(WORKSPACE_ROOT, "scratch");

export const DOCS_BASE_URL = "https://docs.example.com";
export const PARTNER_BASE = "https://partner.example.com/api/";

export const ALLOWED_BINS = new Map<string, string>([
  ["rg", "/usr/bin/rg"],
  ["jq", "/usr/bin/jq"],
  ["wc", "/usr/bin/wc"],
]);
