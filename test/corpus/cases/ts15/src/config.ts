export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env["DATABASE_URL"]!,
  analyticsUrl: process.env["ANALYTICS_DATABASE_URL"]!,
  stripeKey: process.env["STRIPE_SECRET_KEY"]!,
  stripeWebhookSecret: process.env["STRIPE_WEBHOOK_SECRET"]!,
  sendgridKey: process.env["SENDGRID_API_KEY"]!,
  repoDir: process.env.REPO_DIR ?? process.cwd(),
  uploadDir: process.env.UPLOAD_DIR ?? "/var/lib/storefront/uploads",
  tmpUploadDir: process.env.TMP_UPLOAD_DIR ?? "/var/lib/storefront/tmp",
  logDir: process.env.LOG_DIR ?? "/var/log/storefront",
  reportDir: process.env.REPORT_DIR ?? "/var/lib/storefront/reports",
  fromEmail: "orders@acme-outfitters.com",
};
