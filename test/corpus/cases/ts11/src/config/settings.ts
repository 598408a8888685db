/**
 * Runtime settings. Everything is read once at startup from the environment;
 * production values live in deploy/helm/shop-agent/values-prod.yaml.
 */
import { z } from "zod";

const csv = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().default("postgres://shop_agent@db.internal:5432/shop"),
  INTERNAL_API_BASE: z.string().default("https://internal-api.corp.example.com"),
  WORKSPACE_ROOT: z.string().default("/srv/shop-agent/workspace"),
  LOG_DIR: z.string().default("/var/log/shop"),
  UPLOAD_DIR: z.string().default("/srv/shop-agent/uploads"),
  REPO_DIR: z.string().default("/srv/shop-agent/checkout"),
  TWILIO_FROM: z.string().default("+15005550006"),
  APPROVALS_URL: z.string().default("https://approvals.internal.example.com"),
});

const env = EnvSchema.parse(process.env);

const partnerDocHosts = csv(process.env.PARTNER_DOC_HOSTS);

export const settings = {
  env: env.NODE_ENV,
  http: { timeoutMs: 15_000, retries: 3, userAgent: "shop-agent/2.14" },
  research: {
    allowedHosts: new Set(["docs.acme.example.com", "developer.mozilla.org", "nodejs.org"]),
    partnerDocHosts: new Set(
      partnerDocHosts.length > 0 ? partnerDocHosts : ["docs.partner-a.example", "help.partner-b.example"],
    ),
    // Git hosts lookup_repo may query. Soft-enforced while partner mirrors are onboarded (SEC-142).
    repoHosts: new Set(csv(process.env.REPO_HOSTS)),
    internalApiBase: env.INTERNAL_API_BASE,
    statusSiteOrigin: "https://status.example.com",
  },
  files: {
    workspaceRoot: env.WORKSPACE_ROOT,
    logDir: env.LOG_DIR,
    uploadDir: env.UPLOAD_DIR,
  },
  db: { url: env.DATABASE_URL, statementTimeoutMs: 10_000 },
  build: {
    repoDir: env.REPO_DIR,
    allowedScripts: new Set(["lint", "test", "typecheck", "build"]),
    sandboxContainer: "shop-agent-sandbox",
  },
  approvals: { baseUrl: env.APPROVALS_URL, timeoutMs: 15 * 60_000 },
  twilio: { fromNumber: env.TWILIO_FROM },
  slack: { externalChannelPrefix: "#ext-" },
} as const;

export type Settings = typeof settings;
