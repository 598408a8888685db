import { Router } from "express";
import multer from "multer";
import { promises as fs } from "node:fs";
import path from "node:path";
import { config } from "../config";
import { listUploads, readLogFile } from "../lib/files";

const upload = multer({ dest: config.tmpUploadDir, limits: { fileSize: 20 * 1024 * 1024 } });

export const uploadsRouter = Router();

uploadsRouter.post("/uploads", upload.single("file"), async (req, res) => {
  const file = req.file!;
  const dest = path.join(config.uploadDir, `${Date.now()}-${file.originalname}`);
  await fs.rename(file.path, dest);
  res.status(201).json({ name: path.basename(dest) });
});

uploadsRouter.get("/uploads", async (_req, res) => {
  res.json(await listUploads());
});

uploadsRouter.get("/uploads/:name", async (req, res) => {
  res.send(await fs.readFile(path.join(config.uploadDir, req.params.name)));
});

uploadsRouter.delete("/uploads/:name", async (req, res) => {
  await fs.rm(path.join(config.uploadDir, req.params.name), { force: true });
  res.status(204).end();
});

uploadsRouter.get("/admin/logs/:file", async (req, res) => {
  res.type("text/plain").send(await readLogFile(req.params.file));
});

uploadsRouter.post("/import/remote", async (req, res) => {
  const remote = await fetch(req.body.url);
  const dest = path.join(config.tmpUploadDir, path.basename(new URL(req.body.url).pathname));
  await fs.writeFile(dest, Buffer.from(await remote.arrayBuffer()));
  res.status(202).json({ queued: path.basename(dest) });
});
