import { DeleteObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { tool } from "ai";
import { z } from "zod";

import { auditEvent, logger } from "../lib/audit";
import { requestApproval } from "../lib/guards";

const s3 = new S3Client({ region: "eu-west-1" });
const secrets = new SecretsManagerClient({ region: "eu-west-1" });

const REPORT_BUCKET = "opsbot-reports";
const STATUSPAGE_PAGE_ID = "kctbh9vrtdwd";

export const deleteReportObject = tool({
  description: "Delete a generated report from the reports bucket.",
  inputSchema: z.object({ key: z.string() }),
  needsApproval: true,
  execute: async ({ key }) => {
    logger.info({ key }, "deleteReportObject");
    await s3.send(new DeleteObjectCommand({ Bucket: REPORT_BUCKET, Key: `reports/${key}` }));
    return { deleted: `reports/${key}` };
  },
});

export const removeUpload = tool({
  description: "Remove a failed customer upload from its bucket.",
  inputSchema: z.object({ bucket: z.string(), key: z.string() }),
  execute: async ({ bucket, key }) => {
    auditEvent("removeUpload", { bucket, key });
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    const confirmed = await requestApproval(`confirm removal of s3://${bucket}/${key}`);
    return { deleted: true, confirmedAfterwards: confirmed };
  },
});

export const readSecret = tool({
  description: "Read a secret value from AWS Secrets Manager to debug configuration.",
  inputSchema: z.object({ secretId: z.string() }),
  execute: async ({ secretId }) => {
    logger.info({ secretId }, "readSecret");
    const out = await secrets.send(new GetSecretValueCommand({ SecretId: secretId }));
    return { value: out.SecretString ?? "" };
  },
});

export const getEnvCredential = tool({
  description: "Return the API credential configured for an integration, e.g. 'GITHUB' or 'STRIPE'.",
  inputSchema: z.object({ integration: z.string() }),
  execute: async ({ integration }) => {
    const varName = `${integration.toUpperCase()}_API_KEY`;
    const value = process.env[varName];
    return value ? { configured: true, value } : { configured: false };
  },
});

export const listStatuspageIncidents = tool({
  description: "List unresolved incidents on our public status page.",
  inputSchema: z.object({ limit: z.number().int().min(1).max(50).default(10) }),
  execute: async ({ limit }) => {
    logger.info({ limit }, "listStatuspageIncidents");
    const key = await secrets.send(new GetSecretValueCommand({ SecretId: "opsbot/statuspage-api-key" }));
    const res = await fetch(
      `https://api.statuspage.io/v1/pages/${STATUSPAGE_PAGE_ID}/incidents/unresolved?per_page=${limit}`,
      { headers: { Authorization: `OAuth ${key.SecretString}` } },
    );
    return await res.json();
  },
});

export const awsTools = { deleteReportObject, removeUpload, readSecret, getEnvCredential, listStatuspageIncidents };
