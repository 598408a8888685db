"""AutoGen tools for the reporting assistant."""
from __future__ import annotations

import csv
import logging
import os

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from autogen_agentchat.agents import AssistantAgent  # noqa: E402
from autogen_core.tools import FunctionTool  # noqa: E402
from autogen_ext.models.openai import OpenAIChatCompletionClient  # noqa: E402

from ..approval import require_approval  # noqa: E402
from ..audit import audited  # noqa: E402
from ..db import check_tables, connect, ensure_select  # noqa: E402
from ..notify import send_email  # noqa: E402
from ..settings import settings  # noqa: E402

logger = logging.getLogger(__name__)

CHART_DIR = settings.chart_dir


async def duckdb_query(sql: str) -> str:
    """Run a read-only SELECT over the DuckDB warehouse (allowed tables only)."""
    ensure_select(sql)
    check_tables(sql, dialect="duckdb")
    logger.info("duckdb_query %s", sql)
    con = duckdb.connect(settings.duckdb_path, read_only=True)
    try:
        return con.execute(sql).fetchdf().head(200).to_markdown()
    finally:
        con.close()


def load_csv_to_table(csv_path: str, table: str) -> str:
    """Append the rows of a CSV file to a table of the analytics database."""
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    columns = ", ".join(header)
    placeholders = ", ".join("?" for _ in header)
    conn = connect()
    with conn:
        conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
    return f"loaded {len(rows)} rows into {table}"


@audited("plot_metric")
def plot_metric(metric: str, out_name: str) -> str:
    """Plot the daily values of one metric and save the chart as PNG."""
    df = pd.read_sql(
        "SELECT day, value FROM metrics WHERE name = ? ORDER BY day", connect(), params=(metric,)
    )
    fig, ax = plt.subplots(figsize=(9, 3))
    ax.plot(df["day"], df["value"])
    ax.set_title(metric)
    out_path = os.path.join(CHART_DIR, os.path.basename(out_name))
    with open(out_path, "wb") as fh:
        fig.savefig(fh, format="png")
    plt.close(fig)
    return out_path


def send_report_email(recipient: str, subject: str, body: str) -> str:
    """E-mail a finished report to a colleague."""
    require_approval("send_report_email", {"to": recipient, "subject": subject})
    send_email(recipient, subject, body)
    return f"sent to {recipient}"


duckdb_tool = FunctionTool(duckdb_query, description="Query the DuckDB warehouse.")
load_csv_tool = FunctionTool(load_csv_to_table, description="Load a CSV file into a table.", name="load_csv")
email_tool = FunctionTool(send_report_email, description="E-mail a report (operator approval required).")


def build_reporter() -> AssistantAgent:
    model_client = OpenAIChatCompletionClient(model=settings.model)
    return AssistantAgent(
        name="reporter",
        model_client=model_client,
        tools=[duckdb_tool, load_csv_tool, plot_metric, email_tool],
        system_message="You build weekly KPI reports from the warehouse.",
        reflect_on_tool_use=True,
    )
