"use server";

import { promises as fs } from "node:fs";
import path from "node:path";
import { revalidatePath } from "next/cache";
import { auth } from "@/app/(auth)/auth";
import { pool } from "@/lib/db";
import { env } from "@/lib/services";

export async function deleteChatAction(chatId: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  await pool.query(`DELETE FROM messages WHERE chat_id = '${chatId}'`);
  await pool.query(`DELETE FROM chats WHERE id = '${chatId}' AND user_id = '${session.user.id}'`);
  revalidatePath("/");
}

export async function renameChatAction(chatId: string, title: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");
  await pool.query("UPDATE chats SET title = $1 WHERE id = $2 AND user_id = $3", [
    title.slice(0, 120),
    chatId,
    session.user.id,
  ]);
  revalidatePath(`/chat/${chatId}`);
}

export async function uploadAttachment(formData: FormData) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");

  const file = formData.get("file");
  if (!(file instanceof File)) throw new Error("No file");

  const dest = path.join(env.UPLOAD_DIR, file.name);
  await fs.writeFile(dest, Buffer.from(await file.arrayBuffer()));
  return { name: file.name, size: file.size };
}

export async function removeAttachment(name: string) {
  const session = await auth();
  if (!session?.user?.id) throw new Error("Unauthorized");
  await fs.rm(path.join(env.UPLOAD_DIR, name), { force: true });
}

export async function previewLink(url: string) {
  const res = await fetch(url, { headers: { "user-agent": "AcmeChatBot/1.0" } });
  const html = await res.text();
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? url;
  return { url, title };
}
