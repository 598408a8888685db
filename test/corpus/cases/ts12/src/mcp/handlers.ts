import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import got from "got";
import { WebClient } from "@slack/web-api";
import { auditLog, logger } from "../lib/logger.js";
import { requestApproval, resolveInside } from "../lib/guards.js";

export const FILES_ROOT = path.resolve(process.env.HELPDESK_FILES ?? "/srv/helpdesk/files");
const UPLOADS_ROOT = path.join(FILES_ROOT, "uploads");
const slack = new WebClient(process.env.SLACK_BOT_TOKEN);

type TextResult = { content: { type: "text"; text: string }[] };
const text = (t: string): TextResult => ({ content: [{ type: "text", text: t }] });

export async function readFileHandler({ path: rel }: { path: string }): Promise<TextResult> {
  const target = resolveInside(FILES_ROOT, rel);
  auditLog("read_file", { path: target });
  return text(await readFile(target, "utf8"));
}

export async function deleteUploadHandler({ name }: { name: string }): Promise<TextResult> {
  const target = resolveInside(UPLOADS_ROOT, name);
  const approved = await requestApproval("delete_upload", { path: target });
  if (!approved) {
    return text("Deletion was not approved.");
  }
  auditLog("delete_upload", { path: target });
  await rm(target, { force: true });
  return text(`Deleted ${name}`);
}

export async function getEnvHandler({ name }: { name: string }): Promise<TextResult> {
  logger.info({ name }, "get_env");
  return text(process.env[name] ?? "(unset)");
}

export async function sendSlackHandler({
  channel,
  message,
}: {
  channel: string;
  message: string;
}): Promise<TextResult> {
  const res = await slack.chat.postMessage({ channel, text: message });
  return text(`posted ${res.ts}`);
}

export async function headHandler({ url }: { url: string }): Promise<TextResult> {
  if (!url.startsWith("https://status.example.com/")) {
    return text("Only status.example.com pages can be checked.");
  }
  logger.info({ url }, "http_head");
  const res = await got.head(url, { throwHttpErrors: false, followRedirect: false });
  return text(String(res.statusCode));
}

/** Used by the nightly job only; not registered with the server. */
export async function purgeUploads(olderThanDays: number): Promise<void> {
  await rm(path.join(UPLOADS_ROOT, `tmp-${olderThanDays}`), { recursive: true, force: true });
}
