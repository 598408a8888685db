import logging
import sqlite3

from crewai.tools import BaseTool

logger = logging.getLogger(__name__)
conn = sqlite3.connect("app.db")


# @label TableDumpTool: sql,audit | f-string table name into execute
class TableDumpTool(BaseTool):
    name: str = "table_dump"
    description: str = "Dump a table"

    def _run(self, table: str) -> str:
        cur = conn.cursor()
        sql = "SELECT * FROM "
        sql += f"{table} LIMIT 50"
        cur.execute(sql)
        return str(cur.fetchall())
# @end


# @label UserLookupTool: | bound parameter, logging
class UserLookupTool(BaseTool):
    name: str = "user_lookup"
    description: str = "Look up a user"

    def _run(self, user_id: str) -> str:
        logging.info("user_lookup %s", user_id)
        cur = conn.execute("SELECT name FROM users WHERE id = ?", (user_id,))
        return str(cur.fetchone())
# @end


# @label DeleteUserTool: | DELETE behind nested-if input() approval, logger
class DeleteUserTool(BaseTool):
    name: str = "delete_user"
    description: str = "Delete a user"

    def _run(self, user_id: str) -> str:
        answer = input(f"Delete user {user_id}? [y/N] ")
        if answer.lower() == "y":
            logger.info("delete_user %s", user_id)
            conn.execute("DELETE FROM users WHERE id = ?", (user_id,))
            conn.commit()
            return "deleted"
        return "cancelled"
# @end


# @label PurgeOrdersTool: txn,audit | DELETE with bound param, no approval, print only
class PurgeOrdersTool(BaseTool):
    name: str = "purge_orders"
    description: str = "Purge orders of a customer"

    def _run(self, customer_id: str) -> str:
        conn.execute("DELETE FROM orders WHERE customer_id = ?", (customer_id,))
        conn.commit()
        print("purged", customer_id)
        return "ok"
# @end


def migrate(sql_text):
    # not a tool
    conn.executescript(sql_text)
