"""Postgres MCP server for the support team (FastMCP, psycopg pool opened in the lifespan)."""
from __future__ import annotations

import logging
import os
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from mcp.server.fastmcp import Context, FastMCP
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool
from pydantic import BaseModel, Field

from shop_common import audit_event

logger = logging.getLogger("db_server")

DSN = os.environ.get("DATABASE_URL", "postgresql://support@localhost/support")
REPORTING_TABLES = frozenset({"orders", "order_items", "products", "daily_revenue"})
_TABLE_REF = re.compile(r"\b(?:from|join)\s+([a-zA-Z_][\w.]*)", re.IGNORECASE)


@dataclass
class AppContext:
    pool: AsyncConnectionPool


@asynccontextmanager
async def lifespan(server: FastMCP) -> AsyncIterator[AppContext]:
    pool = AsyncConnectionPool(DSN, kwargs={"row_factory": dict_row}, open=False)
    await pool.open()
    async with pool.connection() as conn:
        # startup housekeeping, runs once before any tool call
        await conn.execute("DROP TABLE IF EXISTS mcp_scratch")
        with open(os.environ.get("SCHEMA_FILE", "schema.sql"), encoding="utf-8") as fh:
            await conn.execute(fh.read())
    try:
        yield AppContext(pool=pool)
    finally:
        await pool.close()


mcp = FastMCP("support-db", lifespan=lifespan)


def _pool(ctx: Context) -> AsyncConnectionPool:
    return ctx.request_context.lifespan_context.pool


@mcp.tool()
async def run_query(sql: str, ctx: Context) -> list[dict]:
    """Run a read-only SQL query against the support database."""
    if not sql.lstrip().upper().startswith("SELECT"):
        raise ValueError("Only SELECT statements are allowed")
    logger.info("run_query sql=%s", sql)
    async with _pool(ctx).connection() as conn:
        cur = await conn.execute(sql)
        return await cur.fetchall()


@mcp.tool()
async def table_rows(table: str, limit: int, ctx: Context) -> list[dict]:
    """Preview the first rows of a table."""
    await ctx.report_progress(0, 1)
    async with _pool(ctx).connection() as conn:
        cur = await conn.execute(f"SELECT * FROM {table} LIMIT %s", (limit,))
        rows = await cur.fetchall()
    await ctx.report_progress(1, 1)
    return rows


class ConfirmDeletion(BaseModel):
    confirm: bool = Field(description="Permanently delete this customer and their data?")


@mcp.tool()
async def delete_customer(customer_id: int, ctx: Context) -> str:
    """Delete a customer record (GDPR erasure request)."""
    result = await ctx.elicit(
        message=f"Permanently delete customer {customer_id}?",
        schema=ConfirmDeletion,
    )
    if result.action != "accept" or not result.data.confirm:
        return "Deletion cancelled by the user."
    audit_event("delete_customer", customer_id=customer_id, client=ctx.client_id)
    async with _pool(ctx).connection() as conn:
        await conn.execute("DELETE FROM customers WHERE id = %s", (customer_id,))
    return f"Customer {customer_id} deleted."


@mcp.tool()
async def archive_orders(before: str, ctx: Context) -> str:
    """Move orders created before a date (YYYY-MM-DD) into the archive table."""
    try:
        async with _pool(ctx).connection() as conn:
            async with conn.transaction():
                await conn.execute(
                    "INSERT INTO orders_archive SELECT * FROM orders WHERE created_at < %s::date",
                    (before,),
                )
                cur = await conn.execute("DELETE FROM orders WHERE created_at < %s::date", (before,))
    except Exception:
        logger.exception("archive_orders failed for before=%s", before)
        raise
    await ctx.report_progress(1, 1)
    return f"Archived {cur.rowcount} orders created before {before}."


def _check_reporting_tables(sql: str) -> None:
    tables = {t.split(".")[-1].lower() for t in _TABLE_REF.findall(sql)}
    if not tables or not tables <= REPORTING_TABLES:
        raise PermissionError(f"query touches tables outside the reporting set: {sorted(tables - REPORTING_TABLES)}")
    if ";" in sql.strip().rstrip(";"):
        raise PermissionError("multiple statements are not allowed")


@mcp.tool()
async def analytics_query(sql: str, ctx: Context) -> list[dict]:
    """Run an ad-hoc reporting query (read-only transaction, reporting tables only)."""
    _check_reporting_tables(sql)
    logger.info("analytics_query sql=%s", sql)
    async with _pool(ctx).connection() as conn:
        async with conn.transaction():
            await conn.execute("SET TRANSACTION READ ONLY")
            cur = await conn.execute(sql)
            return await cur.fetchall()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    mcp.run()
