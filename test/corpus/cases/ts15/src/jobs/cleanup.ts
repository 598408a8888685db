import cron from "node-cron";
import { promises as fs } from "node:fs";
import { config } from "../config";
import { prisma } from "../lib/db";
import { logger } from "../lib/logger";

export async function purgeTmpUploads(): Promise<void> {
  await fs.rm(config.tmpUploadDir, { recursive: true, force: true });
  await fs.mkdir(config.tmpUploadDir, { recursive: true });
}

export async function deleteExpiredSessions(): Promise<number> {
  const result = await prisma.$executeRawUnsafe(`DELETE FROM "Session" WHERE "expiresAt" < now()`);
  return result;
}

export function scheduleCleanupJobs(): void {
  cron.schedule("15 3 * * *", async () => {
    await purgeTmpUploads();
    const removed = await deleteExpiredSessions();
    logger.info({ removed }, "nightly cleanup done");
  });
}
