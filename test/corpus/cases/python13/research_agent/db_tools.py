"""Catalog (SQLite) and analytics (Postgres) query tools."""
from __future__ import annotations

import logging
import sqlite3

import asyncpg
from langchain_core.tools import tool

from .audit import audit_event, request_approval
from .config import PG_DSN, SQLITE_PATH
from .guards import ensure_known_tables

logger = logging.getLogger(__name__)


def _catalog(readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{SQLITE_PATH}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(SQLITE_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def _rows(cur: sqlite3.Cursor) -> list[dict]:
    return [dict(r) for r in cur.fetchall()]


async def _pg() -> asyncpg.Connection:
    return await asyncpg.connect(PG_DSN, command_timeout=30)


@tool
def search_products(term: str, limit: int = 20) -> list[dict]:
    """Find catalog products whose name contains the search term."""
    conn = _catalog()
    try:
        cur = conn.execute(
            f"SELECT sku, name, price FROM products WHERE name LIKE '%{term}%' LIMIT {int(limit)}"
        )
        return _rows(cur)
    finally:
        conn.close()


@tool
def orders_by_status(statuses: list[str], limit: int = 50) -> list[dict]:
    """List recent orders in any of the given statuses (pending, paid, shipped...)."""
    placeholders = ", ".join("?" * len(statuses))
    sql = "SELECT id, customer_id, status, total FROM orders WHERE status IN ({}) ORDER BY id DESC LIMIT ?".format(
        placeholders
    )
    logger.info("orders_by_status statuses=%s", statuses)
    with _catalog() as conn:
        return _rows(conn.execute(sql, (*statuses, int(limit))))


@tool
def readonly_query(sql: str) -> list[dict]:
    """Run a read-only SQL query against the catalog (products, orders, customers_public)."""
    ensure_known_tables(sql)
    audit_event("readonly_query", sql=sql)
    conn = _catalog(readonly=True)
    try:
        return _rows(conn.execute(sql))
    finally:
        conn.close()


@tool
def delete_order(order_id: int, reason: str) -> str:
    """Cancel and delete a pending order."""
    audit_event("delete_order", order_id=order_id, reason=reason)
    if not request_approval("delete order", f"#{order_id} ({reason})"):
        return "Deletion was not approved by the operator."
    with _catalog() as conn:
        conn.execute("DELETE FROM orders WHERE id = ? AND status = 'pending'", (order_id,))
    return f"order {order_id} deleted"


@tool
async def analytics_query(sql: str) -> list[dict]:
    """Run a SELECT statement against the analytics warehouse."""
    if not sql.lstrip().upper().startswith("SELECT"):
        raise ValueError("only SELECT statements are allowed")
    logger.info("analytics_query %s", sql)
    conn = await _pg()
    try:
        rows = await conn.fetch(sql)
        return [dict(r) for r in rows]
    finally:
        await conn.close()


@tool
async def top_customers(metric: str = "revenue", n: int = 10) -> list[dict]:
    """Rank customers by a metric column (revenue, orders, refunds)."""
    query = "SELECT customer_id, %s AS value FROM customer_stats ORDER BY %s DESC LIMIT $1" % (metric, metric)
    conn = await _pg()
    try:
        return [dict(r) for r in await conn.fetch(query, n)]
    finally:
        await conn.close()


@tool
async def forget_customer(customer_id: str) -> str:
    """Erase a customer's analytics events (GDPR erasure request)."""
    logger.info("forget_customer %s", customer_id)
    conn = await _pg()
    try:
        async with conn.transaction():
            await conn.execute("DELETE FROM events WHERE customer_id = $1", customer_id)
            await conn.execute("DELETE FROM customer_stats WHERE customer_id = $1", customer_id)
    finally:
        await conn.close()
    return f"erased analytics data for {customer_id}"


def rebuild_fts(table: str) -> None:
    """Maintenance: rebuild a full-text index (run from scripts/, never by the agent)."""
    with _catalog() as conn:
        conn.executescript(f"DELETE FROM {table}_fts; INSERT INTO {table}_fts SELECT * FROM {table};")


async def vacuum_analytics(tables: list[str]) -> None:
    """Maintenance: VACUUM the given analytics tables. Not a tool."""
    conn = await _pg()
    try:
        for t in tables:
            await conn.execute("VACUUM ANALYZE %s" % t)
    finally:
        await conn.close()
