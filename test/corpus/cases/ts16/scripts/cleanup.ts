#!/usr/bin/env node
// Operator maintenance CLI. Nothing here is reachable from an agent tool.
import { execSync } from "node:child_process";
import { promises as fsp } from "node:fs";

import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { request } from "undici";

import { applyRetention } from "../tools/db-tools";

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case "rm":
      await fsp.rm(rest[0], { recursive: true, force: true });
      break;
    case "s3-rm":
      await new S3Client({}).send(new DeleteObjectCommand({ Bucket: rest[0], Key: rest[1] }));
      break;
    case "sh":
      execSync(rest.join(" "), { stdio: "inherit" });
      break;
    case "get": {
      const { statusCode } = await request(rest[0]);
      console.log(statusCode);
      break;
    }
    case "env":
      console.log(process.env[rest[0]] ?? "");
      break;
    case "retention":
      console.log(await applyRetention(rest[0], Number(rest[1] ?? "90")));
      break;
    default:
      console.error("usage: cleanup <rm|s3-rm|sh|get|env|retention> ...");
      process.exitCode = 2;
  }
}

void main();
