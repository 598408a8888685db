import express from "express";
import { config } from "./config";
import { scheduleCleanupJobs } from "./jobs/cleanup";
import { logger } from "./lib/logger";
import { featureFlags, requireAdmin } from "./middleware/auth";
import { ordersRouter } from "./routes/orders";
import { uploadsRouter } from "./routes/uploads";
import { stripeWebhookRouter } from "./webhooks/stripe";
import { chatRouter } from "./ai/assistant";

const app = express();
app.use(stripeWebhookRouter);
app.use(express.json());
app.use(featureFlags);
app.use("/admin", requireAdmin);
app.use(ordersRouter);
app.use(uploadsRouter);
app.use(chatRouter);

scheduleCleanupJobs();
app.listen(config.port, () => logger.info({ port: config.port }, "storefront api listening"));
