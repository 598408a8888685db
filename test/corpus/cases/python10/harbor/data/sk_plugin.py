"""Semantic Kernel plugin over the Postgres warehouse."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

from semantic_kernel import Kernel
from semantic_kernel.connectors.ai.open_ai import OpenAIChatCompletion
from semantic_kernel.functions import kernel_function

from ..approval import request_approval
from ..db import ALLOWED_TABLES, pg_connect, pg_readonly
from ..settings import settings

logger = logging.getLogger("harbor.warehouse")


class WarehousePlugin:
    """Warehouse access for the analyst. The DSN and report folder are injected."""

    def __init__(self, dsn: str, report_dir: Path) -> None:
        self.dsn = dsn
        self.report_dir = Path(report_dir).resolve()

    @kernel_function(name="describe_table", description="List the columns of a warehouse table.")
    def describe_table(self, table: Annotated[str, "Table name"]) -> str:
        if table not in ALLOWED_TABLES:
            return f"unknown table {table!r}; choose one of {sorted(ALLOWED_TABLES)}"
        with pg_readonly(self.dsn) as conn, conn.cursor() as cur:
            cur.execute(f"SELECT * FROM {table} LIMIT 0")
            columns = [d.name for d in cur.description]
        logger.info("describe_table %s", table)
        return ", ".join(columns)

    @kernel_function(name="run_report", description="Run an analytical SQL query on the warehouse.")
    def run_report(self, sql_text: Annotated[str, "PostgreSQL SELECT statement"]) -> str:
        logger.info("run_report %s", sql_text)
        with pg_readonly(self.dsn) as conn, conn.cursor() as cur:
            cur.execute(sql_text)
            rows = cur.fetchmany(200)
            header = [d.name for d in cur.description]
        return "\n".join([",".join(header)] + [",".join(map(str, r)) for r in rows])

    @kernel_function(name="purge_events", description="Delete raw events older than a date (YYYY-MM-DD).")
    def purge_events(self, before: Annotated[str, "Cut-off date"]) -> str:
        with pg_connect(self.dsn) as conn, conn.cursor() as cur:
            cur.execute("DELETE FROM events WHERE created_at < %s", (before,))
            deleted = cur.rowcount
        logger.info("purge_events before=%s deleted=%d", before, deleted)
        return f"deleted {deleted} events"

    @kernel_function(name="archive_table", description="Move a table to the archive schema.")
    def archive_table(self, table: Annotated[str, "Table to archive"]) -> str:
        request_approval("archive_table", {"table": table})
        with pg_connect(self.dsn) as conn, conn.cursor() as cur:
            cur.execute(f"CREATE TABLE archive.{table} AS TABLE public.{table}")
            cur.execute(f"DROP TABLE public.{table}")
        logger.info("archived table %s", table)
        return f"archived {table}"

    @kernel_function(description="Save a markdown report in the reports folder.")
    def write_report(self, filename: Annotated[str, "File name, e.g. weekly.md"], markdown: str) -> str:
        dest = (self.report_dir / filename).resolve()
        if not dest.is_relative_to(self.report_dir):
            raise ValueError("report must stay inside the reports folder")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(markdown, encoding="utf-8")
        return str(dest)


def build_kernel() -> Kernel:
    kernel = Kernel()
    kernel.add_service(OpenAIChatCompletion(ai_model_id=settings.model))
    kernel.add_plugin(WarehousePlugin(settings.pg_dsn, settings.export_dir / "reports"), plugin_name="warehouse")
    return kernel
