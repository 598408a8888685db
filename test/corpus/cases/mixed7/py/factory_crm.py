"""CRM tools built by a factory around a database connection."""
import logging
import sqlite3
from typing import Literal

import pandas as pd
from langchain_core.tools import tool
from psycopg import sql
from sqlalchemy.orm import Session
from sqlmodel import Field, SQLModel, select

logger = logging.getLogger(__name__)

COUNT_TABLES = {"customers": "crm_customers", "orders": "crm_orders", "tickets": "crm_tickets"}


class Customer(SQLModel, table=True):
    id: int = Field(primary_key=True)
    email: str
    name: str


def make_tools(pg_conn, lite_conn: sqlite3.Connection, session: Session):
    """Return the CRM tools bound to the given connections."""

    @tool
    def find_customer(email: str) -> str:
        """Find a customer by email address."""
        logger.info("find_customer email=%s", email)
        row = session.exec(select(Customer).where(Customer.email == email)).first()
        return row.name if row else "not found"

    @tool
    def customer_by_id(customer_id: int) -> str:
        """Look up a customer by numeric id."""
        row = session.execute(select(Customer).where(Customer.id == customer_id)).scalar_one_or_none()
        return row.email if row else "not found"

    @tool
    def search_notes(term: str) -> list:
        """Search free-text notes."""
        cur = lite_conn.cursor()
        cur.execute(f"SELECT id, body FROM notes WHERE body LIKE '%{term}%'")
        return cur.fetchall()

    @tool
    def count_rows(kind: Literal["customers", "orders", "tickets"]) -> int:
        """Count rows of one CRM table."""
        logger.info("count_rows kind=%s", kind)
        query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(COUNT_TABLES[kind]))
        with pg_conn.cursor() as cur:
            cur.execute(query)
            return cur.fetchone()[0]

    @tool
    def run_report(report_sql: str) -> str:
        """Run an analytical SQL query and return a table."""
        logger.info("run_report sql=%s", report_sql)
        frame = pd.read_sql(report_sql, lite_conn)
        return frame.to_markdown()

    @tool
    def recent_orders(customer_id: int, limit: int = 10) -> list:
        """List recent orders for a customer."""
        logger.info("recent_orders customer=%s", customer_id)
        cur = lite_conn.cursor()
        cur.execute(
            "SELECT id, total FROM orders WHERE customer_id = ? ORDER BY created DESC LIMIT ?",
            (customer_id, limit),
        )
        return cur.fetchall()

    return [find_customer, customer_by_id, search_notes, count_rows, run_report, recent_orders]
