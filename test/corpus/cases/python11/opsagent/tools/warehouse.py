"""Analytics warehouse tools."""

from __future__ import annotations

from typing import Any

import aiosqlite
import sqlglot
from sqlglot import exp

from opsagent.container import get_container
from opsagent.errors import ToolInputError
from opsagent.logging_utils import get_logger
from opsagent.registry import register_tool

logger = get_logger(__name__)

_MAX_ROWS = 500


def _referenced_tables(sql: str) -> set[str]:
    try:
        tree = sqlglot.parse_one(sql, read="sqlite")
    except sqlglot.errors.ParseError as exc:
        raise ToolInputError(f"could not parse SQL: {exc}") from exc
    return {table.name.lower() for table in tree.find_all(exp.Table)}


@register_tool(tags=("sql", "support"))
async def lookup_customer(email: str) -> dict[str, Any] | None:
    """Look up a customer account by billing e-mail address."""
    logger.info("lookup_customer email=%s", email)
    rows = await get_container().warehouse.fetch_all(
        "SELECT account_id, name, plan, mrr, created_at FROM accounts "
        "WHERE lower(billing_email) = lower(:email) LIMIT 1",
        {"email": email.strip()},
    )
    return rows[0] if rows else None


@register_tool(tags=("sql",))
async def run_report_query(sql: str) -> list[dict[str, Any]]:
    """Run a reporting query (SELECT only) against the analytics warehouse."""
    statement = sql.strip().rstrip(";")
    if not statement.upper().startswith("SELECT"):
        raise ToolInputError("only SELECT statements are allowed")
    logger.info("run_report_query sql=%s", statement)
    rows = await get_container().warehouse.fetch_all(statement)
    return rows[:_MAX_ROWS]


@register_tool(tags=("sql",))
async def top_accounts(order_by: str = "mrr", limit: int = 20) -> list[dict[str, Any]]:
    """Top customer accounts ordered by a metric column (mrr, seats or tickets_30d)."""
    limit = max(1, min(limit, 100))
    rows = await get_container().warehouse.fetch_all(
        f"SELECT account_id, name, mrr, seats, tickets_30d FROM account_metrics ORDER BY {order_by} DESC LIMIT :limit",
        {"limit": limit},
    )
    return rows


@register_tool(tags=("sql", "analytics"))
async def explore_table(sql: str) -> list[dict[str, Any]]:
    """Run an exploratory query against the nightly analytics snapshot (read-only)."""
    settings = get_container().settings
    tables = _referenced_tables(sql)
    if not tables or not tables <= settings.explorable_tables:
        raise ToolInputError(f"query may only reference: {', '.join(sorted(settings.explorable_tables))}")
    logger.info("explore_table tables=%s", sorted(tables))
    uri = f"file:{settings.analytics_sqlite_path}?mode=ro"
    async with aiosqlite.connect(uri, uri=True) as conn:
        conn.row_factory = aiosqlite.Row
        async with conn.execute(sql) as cursor:
            rows = await cursor.fetchmany(_MAX_ROWS)
    return [dict(row) for row in rows]
