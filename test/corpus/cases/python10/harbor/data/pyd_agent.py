"""Pydantic AI analytics agent ("analyst")."""
from __future__ import annotations

import io
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import httpx
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from langfuse import observe  # noqa: E402
from pydantic_ai import Agent, RunContext  # noqa: E402

from ..audit import audit_event  # noqa: E402
from ..db import check_tables, connect, connect_readonly, ensure_select  # noqa: E402
from ..httpclient import ensure_allowed  # noqa: E402
from ..settings import settings  # noqa: E402

logger = logging.getLogger(__name__)

CHART_DIR = settings.chart_dir


@dataclass
class AnalystDeps:
    db: sqlite3.Connection
    ro_db: sqlite3.Connection
    http: httpx.AsyncClient
    export_dir: Path


analyst = Agent(
    settings.model_id,
    deps_type=AnalystDeps,
    system_prompt=(
        "You are a data analyst. Tables: orders, order_items, customers, products, metrics, events. "
        "Prefer aggregate queries and always mention the time range you used."
    ),
)


@analyst.tool
async def run_sql(ctx: RunContext[AnalystDeps], query: str) -> list[dict]:
    """Run a SELECT query against the analytics database and return up to 200 rows."""
    ensure_select(query)
    logger.info("run_sql %s", query)
    cur = ctx.deps.db.execute(query)
    return [dict(row) for row in cur.fetchmany(200)]


@analyst.tool
async def query_readonly(ctx: RunContext[AnalystDeps], query: str) -> list[dict]:
    """Run a read-only query over the allowed tables and return up to 500 rows."""
    check_tables(query)
    audit_event("query_readonly", "sql", query=query)
    rows = ctx.deps.ro_db.execute(query).fetchmany(500)
    return [dict(r) for r in rows]


@analyst.tool
async def column_profile(ctx: RunContext[AnalystDeps], table: str, column: str) -> dict:
    """Row count, distinct count and null count of one column."""
    sql = (
        f"SELECT COUNT(*) AS n, COUNT(DISTINCT {column}) AS distinct_n, "
        f"SUM(CASE WHEN {column} IS NULL THEN 1 ELSE 0 END) AS nulls FROM {table}"
    )
    df = pd.read_sql(sql, ctx.deps.db)
    return df.iloc[0].to_dict()


@analyst.tool
async def orders_for_customer(ctx: RunContext[AnalystDeps], customer_id: int, since: str) -> list[dict]:
    """Orders of one customer placed on or after `since` (YYYY-MM-DD)."""
    logger.info("orders_for_customer %s since %s", customer_id, since)
    df = pd.read_sql(
        "SELECT id, placed_at, status, total_cents FROM orders WHERE customer_id = ? AND placed_at >= ? "
        "ORDER BY placed_at DESC",
        ctx.deps.db,
        params=(customer_id, since),
    )
    return df.to_dict(orient="records")


@analyst.tool
async def export_orders_csv(ctx: RunContext[AnalystDeps], status: str, filename: str) -> str:
    """Export all orders with the given status to a CSV file in the export folder."""
    df = pd.read_sql("SELECT * FROM orders WHERE status = ?", ctx.deps.db, params=(status,))
    out = ctx.deps.export_dir / Path(filename).name
    with open(out, "w", newline="", encoding="utf-8") as fh:
        df.to_csv(fh, index=False)
    audit_event("export_orders_csv", "export", status=status, path=str(out), rows=len(df))
    return str(out)


@analyst.tool_plain
def save_chart(filename: str, title: str, labels: list[str], values: list[float]) -> str:
    """Render a bar chart and save it as PNG in the charts folder."""
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.bar(labels, values)
    ax.set_title(title)
    fig.tight_layout()
    out_path = os.path.join(CHART_DIR, filename)
    with open(out_path, "wb") as fh:
        fig.savefig(fh, format="png", dpi=120)
    plt.close(fig)
    return out_path


@analyst.tool
@observe(name="fetch_dataset")
async def fetch_dataset(ctx: RunContext[AnalystDeps], url: str, max_rows: int = 1000) -> str:
    """Download a public CSV dataset (GitHub, data.example.com) and return a preview."""
    ensure_allowed(url)
    resp = await ctx.deps.http.get(url)
    resp.raise_for_status()
    df = pd.read_csv(io.StringIO(resp.text), nrows=max_rows)
    return df.head(20).to_markdown()


def build_deps() -> AnalystDeps:
    settings.export_dir.mkdir(parents=True, exist_ok=True)
    return AnalystDeps(
        db=connect(),
        ro_db=connect_readonly(),
        http=httpx.AsyncClient(timeout=30, follow_redirects=False),
        export_dir=settings.export_dir,
    )


async def ask(question: str) -> str:
    result = await analyst.run(question, deps=build_deps())
    return result.output
