import express, { type Request, type Response } from "express";
import { exec } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { logger } from "../lib/audit";
import { pool } from "../lib/db";
import { getJson } from "../lib/http";
import { runSupportAgent } from "../agents/support-agent";

const app = express();
app.use(express.json({ limit: "1mb" }));

const PUBLIC_DIR = path.resolve("public/downloads");

// Chat endpoint: the only place user input reaches the agents.
app.post("/api/chat", async (req: Request, res: Response) => {
  const { message } = req.body as { message: string };
  const customerId = String(req.header("x-customer-id") ?? "");
  const answer = await runSupportAgent(message, customerId);
  res.json(answer);
});

// Link-preview endpoint used by the marketing site's editor.
app.get("/api/link-preview", async (req, res) => {
  const target = String(req.query.url ?? "");
  const upstream = await fetch(target, { headers: { "user-agent": "acme-preview/1.0" } });
  const html = await upstream.text();
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? target;
  res.json({ title });
});

app.get("/api/downloads/:name", async (req, res) => {
  const file = path.join(PUBLIC_DIR, req.params.name);
  try {
    res.type("application/octet-stream").send(await fs.readFile(file));
  } catch {
    res.sendStatus(404);
  }
});

app.get("/api/orders", async (req, res) => {
  const status = String(req.query.status ?? "paid");
  const { rows } = await pool.query(`SELECT id, total_cents FROM orders WHERE status = '${status}' LIMIT 50`);
  res.json(rows);
});

app.get("/api/partner-feed", async (req, res) => {
  const feed = await getJson<unknown>(String(req.query.src));
  res.json(feed);
});

// Internal-only (behind VPN): restart a worker process.
app.post("/internal/restart", (req, res) => {
  const worker = String(req.body.worker);
  exec(`systemctl restart acme-worker@${worker}`, (err, stdout) => {
    if (err) {
      logger.error({ err, worker }, "restart failed");
      res.status(500).json({ error: err.message });
      return;
    }
    res.json({ ok: true, stdout });
  });
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(`api listening on :${port}`));

export default app;
