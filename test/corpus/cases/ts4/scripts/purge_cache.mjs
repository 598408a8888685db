#!/usr/bin/env node
// Operator CLI: purge cached files and warm a URL. Not reachable from any agent.
import { rm, readdir } from 'node:fs/promises';
import { execSync } from 'node:child_process';
import path from 'node:path';

const [, , dir = '/var/cache/acme', warmUrl, hook] = process.argv;

async function main() {
  for (const entry of await readdir(dir)) {
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
  console.log(`purged ${dir}`);

  if (warmUrl) {
    const res = await fetch(warmUrl);
    console.log(`warmed ${warmUrl}: ${res.status}`);
  }

  if (hook) {
    execSync(hook, { stdio: 'inherit' });
  }

  const token = process.env[process.env.TOKEN_VAR ?? 'CACHE_TOKEN'];
  if (!token) console.warn('no cache token set');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
