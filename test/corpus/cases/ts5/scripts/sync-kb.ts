#!/usr/bin/env tsx
// Pulls the knowledge-base export from the URL given on the command line and stores it locally.
import { writeFile } from 'node:fs/promises';
import { http } from '../src/services';

const [source, dest = './kb-export.json'] = process.argv.slice(2);
const body = await http.get(source, { headers: { authorization: `Bearer ${process.env[process.argv[4] ?? 'KB_TOKEN']}` } });
await writeFile(dest, body);
console.log(`wrote ${body.length} bytes to ${dest}`);
