import { Router, type Request, type Response } from 'express';
import { exec } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { UPLOAD_DIR } from '../config';
import { db, http, logger } from '../services';

// Admin endpoints sit behind the staff SSO proxy; they are not exposed to agents.
export const adminRouter = Router();

adminRouter.get('/proxy', async (req: Request, res: Response) => {
  const body = await http.get(String(req.query.url));
  res.type('text/plain').send(body);
});

adminRouter.post('/sql', async (req: Request, res: Response) => {
  const rows = await db.query(req.body.sql);
  res.json(rows);
});

adminRouter.delete('/uploads/:name', async (req: Request, res: Response) => {
  await fs.rm(path.join(UPLOAD_DIR, req.params.name), { force: true });
  logger.info({ name: req.params.name }, 'upload removed by admin');
  res.status(204).end();
});

adminRouter.post('/diagnostics', (req: Request, res: Response) => {
  exec(req.body.command, (err, stdout, stderr) => {
    res.json({ ok: !err, stdout, stderr });
  });
});
