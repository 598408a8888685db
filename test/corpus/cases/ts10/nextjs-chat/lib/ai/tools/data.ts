import { tool } from "ai";
import { z } from "zod";
import { promises as fs } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Session } from "next-auth";
import { db, type ChatRepository } from "@/lib/db";
import { env } from "@/lib/services";
import { auditToolCall, logger } from "@/lib/logger";

type Deps = { session: Session; repo: ChatRepository };

export const queryDatabase = ({ session, repo }: Deps) =>
  tool({
    description:
      "Run a read-only SQL query against the analytics database. Only SELECT statements are allowed.",
    inputSchema: z.object({
      query: z.string().describe("A single PostgreSQL SELECT statement"),
    }),
    execute: async ({ query }) => {
      auditToolCall({ tool: "queryDatabase", userId: session.user?.id, input: { query } });
      if (!/^\s*select\b/i.test(query)) {
        return { error: "Only SELECT statements are allowed." };
      }
      return repo.runReport(query);
    },
  });

export const searchMessages = ({ session, repo }: Deps) =>
  tool({
    description: "Search the user's previous chat messages for a word or phrase.",
    inputSchema: z.object({
      term: z.string().min(2).max(100),
      limit: z.number().int().min(1).max(50).default(10),
    }),
    execute: async ({ term, limit }) => {
      const hits = await repo.searchMessages(session.user!.id!, term, limit);
      return hits.map((h) => ({ chatId: h.chatId, snippet: h.content.slice(0, 200) }));
    },
  });

export const listChats = ({ session }: Pick<Deps, "session">) =>
  tool({
    description: "List the user's chats, newest first or sorted by another column.",
    inputSchema: z.object({
      sortBy: z
        .string()
        .default("created_at")
        .describe("Column to sort by, e.g. created_at, updated_at or title"),
      limit: z.number().int().min(1).max(100).default(20),
    }),
    execute: async ({ sortBy, limit }) => {
      const result = await db.execute(
        sql`SELECT id, title, created_at FROM chats WHERE user_id = ${session.user!.id} ORDER BY ${sql.raw(sortBy)} DESC LIMIT ${limit}`,
      );
      return result.rows;
    },
  });

export const deleteChat = ({ session, repo }: Deps) =>
  tool({
    description: "Permanently delete one of the user's chats and all of its messages.",
    inputSchema: z.object({ chatId: z.string().uuid() }),
    needsApproval: true,
    execute: async ({ chatId }) => {
      logger.info({ userId: session.user?.id, chatId }, "deleteChat");
      const deleted = await repo.deleteChat(session.user!.id!, chatId);
      return { deleted };
    },
  });

export const attachFile = tool({
  description: "Read a file the user uploaded earlier in this conversation.",
  inputSchema: z.object({
    filename: z.string().regex(/^[\w.\- ]{1,128}$/, "plain file name only"),
  }),
  execute: async ({ filename }) => {
    const safeName = path.basename(filename);
    const content = await fs.readFile(path.join(env.UPLOAD_DIR, safeName), "utf8");
    return { filename: safeName, content: content.slice(0, 50_000) };
  },
});
