import logging
import sqlite3

import psycopg
from crewai.tools import BaseTool, tool
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

logger = logging.getLogger("crew.db")
engine = create_engine("postgresql+psycopg://app@db/app")
TABLES = {"orders", "customers"}


@tool("run_sql")
def run_sql(query: str) -> str:
    """Run a read query."""
    if not query.lstrip().upper().startswith("SELECT"):
        return "only SELECT"
    with Session(engine) as session:
        rows = session.execute(text(query)).fetchall()
    return str(rows)


@tool("lookup_order")
def lookup_order(order_id: int) -> str:
    """Look up an order."""
    logger.info("lookup_order %s", order_id)
    with Session(engine) as session:
        row = session.execute(text("SELECT * FROM orders WHERE id = :id"), {"id": order_id}).first()
    return str(row)


class CountRows(BaseTool):
    name: str = "count_rows"
    description: str = "Count rows in a table."

    def _run(self, table: str) -> str:
        with psycopg.connect("dbname=app") as conn:
            with conn.cursor() as cur:
                cur.execute(f"SELECT count(*) FROM {table}")
                return str(cur.fetchone()[0])


class ReadOnlyQuery(BaseTool):
    name: str = "readonly_query"
    description: str = "Query an allowed table read-only."

    def _run(self, table: str, limit: int = 10) -> str:
        if table not in TABLES:
            raise ValueError("table not allowed")
        logger.info("readonly_query %s", table)
        conn = sqlite3.connect("file:/srv/app.db?mode=ro", uri=True)
        return str(conn.execute(f"SELECT * FROM {table} LIMIT ?", (limit,)).fetchall())


@tool("drop_table")
def drop_table(table: str) -> str:
    """Drop a table."""
    logger.warning("drop %s", table)
    with psycopg.connect("dbname=app") as conn:
        conn.execute(f"DROP TABLE {table}")
    return "dropped"
