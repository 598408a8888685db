/** Inbound webhooks from the carrier and the storefront. Mounted at /webhooks. */
import { exec } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import express, { type Request, type Response } from "express";
import type { Pool } from "pg";
import { settings } from "../config/settings.js";
import { getLogger } from "../lib/logger.js";

const log = getLogger("routes.webhooks");

export function webhookRouter(db: Pool) {
  const router = express.Router();

  router.post("/carrier", express.json(), async (req: Request, res: Response) => {
    const { trackingNumber, status, labelUrl } = req.body as { trackingNumber: string; status: string; labelUrl?: string };
    await db.query(`UPDATE shipments SET status = '${status}' WHERE tracking_number = '${trackingNumber}'`);
    if (labelUrl) {
      const label = await fetch(labelUrl);
      await writeFile(path.join(settings.files.uploadDir, "labels", `${trackingNumber}.pdf`), Buffer.from(await label.arrayBuffer()));
    }
    log.info({ trackingNumber, status }, "carrier update");
    res.sendStatus(204);
  });

  router.post("/storefront/deploy", express.json(), (req: Request, res: Response) => {
    const { ref } = req.body as { ref: string };
    exec(`cd ${settings.build.repoDir} && git fetch && git checkout ${ref} && pnpm build`, (err) => {
      if (err) log.error({ err, ref }, "storefront deploy failed");
    });
    res.sendStatus(202);
  });

  return router;
}
