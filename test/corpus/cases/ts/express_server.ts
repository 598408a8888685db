// Human-facing admin server; the agent never calls these routes.
import express from 'express';
import { exec } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const app = express();

app.get('/proxy', async (req, res) => {
  const upstream = await fetch(String(req.query.url));
  res.send(await upstream.text());
});

app.get('/file', async (req, res) => {
  res.send(await readFile(String(req.query.path), 'utf8'));
});

app.post('/deploy', (req, res) => {
  exec(`./deploy.sh ${req.body.env}`, (err, stdout) => res.send(err ? String(err) : stdout));
});

app.listen(8080);
