import "server-only";

import { Pool } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { env } from "./services";

export const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
export const db = drizzle(pool);

export type MessageHit = {
  id: string;
  chatId: string;
  content: string;
  createdAt: Date;
};

export class ChatRepository {
  constructor(private readonly pool: Pool) {}

  async searchMessages(userId: string, term: string, limit = 20): Promise<MessageHit[]> {
    const { rows } = await this.pool.query<MessageHit>(
      `SELECT m.id, m.chat_id AS "chatId", m.content, m.created_at AS "createdAt"
         FROM messages m
         JOIN chats c ON c.id = m.chat_id
        WHERE c.user_id = $1
          AND m.content ILIKE '%' || $2 || '%'
        ORDER BY m.created_at DESC
        LIMIT $3`,
      [userId, term, limit],
    );
    return rows;
  }

  async deleteChat(userId: string, chatId: string): Promise<number> {
    await this.pool.query("DELETE FROM messages WHERE chat_id = $1", [chatId]);
    const { rowCount } = await this.pool.query(
      "DELETE FROM chats WHERE id = $1 AND user_id = $2",
      [chatId, userId],
    );
    return rowCount ?? 0;
  }

  /** Used by the analytics assistant. Runs with a statement timeout. */
  async runReport(sqlText: string) {
    const client = await this.pool.connect();
    try {
      await client.query("SET statement_timeout = 5000");
      const result = await client.query(sqlText);
      return {
        columns: result.fields.map((f) => f.name),
        rows: result.rows.slice(0, 200),
        rowCount: result.rowCount,
      };
    } finally {
      client.release();
    }
  }
}

export const chatRepository = new ChatRepository(pool);
