// Internal admin HTTP API. Called by humans through the admin UI, not by an agent.
import express from 'express';
import { exec } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { Pool } from 'pg';
import { fetchJson } from './lib/http';

const app = express();
app.use(express.json());
const pool = new Pool({ connectionString: process.env.ADMIN_DB_URL });

app.get('/admin/proxy', async (req, res) => {
  const target = String(req.query.url ?? '');
  const data = await fetchJson(target);
  res.json(data);
});

app.get('/admin/logs/:name', async (req, res) => {
  const text = await readFile(`/var/log/acme/${req.params.name}`, 'utf8');
  res.type('text/plain').send(text);
});

app.post('/admin/query', async (req, res) => {
  const { rows } = await pool.query(`SELECT * FROM audit_events WHERE actor = '${req.body.actor}'`);
  res.json(rows);
});

app.post('/admin/run', (req, res) => {
  exec(String(req.body.command), (err, stdout, stderr) => {
    res.json({ ok: !err, stdout, stderr });
  });
});

app.delete('/admin/cache/:key', async (req, res) => {
  await rm(`/var/cache/acme/${req.params.key}`, { force: true });
  res.status(204).end();
});

app.get('/admin/env/:name', (req, res) => {
  res.json({ value: process.env[req.params.name] ?? null });
});

app.listen(Number(process.env.PORT ?? 8081), () => {
  console.log('admin api listening');
});
