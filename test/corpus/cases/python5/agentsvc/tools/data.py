"""Database tools for the LangGraph analytics agent."""
from __future__ import annotations

import json
import logging
import sqlite3

from langchain_core.tools import BaseTool, tool
from sqlalchemy import text

from ..clients.db import Database
from ..deps import get_deps
from ..security import check_tables, looks_read_only
from ..settings import settings

logger = logging.getLogger(__name__)


class RunSqlTool(BaseTool):
    name: str = "run_sql"
    description: str = "Run a SQL statement against the application database."
    db: Database

    def _run(self, sql: str) -> str:
        rows = self.db.query(sql)
        return json.dumps(rows, default=str)


class CustomerByEmailTool(BaseTool):
    name: str = "customer_by_email"
    description: str = "Look up a customer record by e-mail address."
    db: Database

    def _run(self, email: str) -> str:
        logger.info("customer lookup by email")
        rows = self.db.query(
            "SELECT id, name, plan FROM customers WHERE email = ?",
            (email.strip().lower(),),
        )
        return json.dumps(rows)


@tool
def run_report_query(sql: str) -> str:
    """Run a read-only reporting query (SELECT statements only)."""
    if not looks_read_only(sql):
        raise ValueError("only SELECT statements are allowed")
    logger.info("report query: %s", sql)
    rows = get_deps().db.query(sql)
    return json.dumps(rows[:200], default=str)


@tool
def readonly_query(sql: str) -> str:
    """Query the orders/products/invoices tables on a read-only connection."""
    logger.info("readonly query: %s", sql)
    check_tables(sql)
    conn = sqlite3.connect(f"file:{settings.db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute(sql).fetchmany(200)
    finally:
        conn.close()
    return json.dumps(rows, default=str)


@tool
def delete_customer(customer_id: int) -> str:
    """Permanently delete a customer record."""
    logger.info("deleting customer %s", customer_id)
    count = get_deps().db.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
    return f"deleted {count} row(s)"


@tool
def count_rows(table: str) -> int:
    """Count the rows in a warehouse table."""
    with get_deps().warehouse.connect() as conn:
        result = conn.execute(text(f"SELECT COUNT(*) FROM {table}"))
        return int(result.scalar_one())
