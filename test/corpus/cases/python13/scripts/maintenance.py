"""Nightly maintenance for the research agent host. Run by cron, never by the model."""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3

import requests

from research_agent.config import DATA_ROOT, SQLITE_PATH
from research_agent.db_tools import rebuild_fts, vacuum_analytics
from research_agent.file_tools import rotate_reports
from research_agent.ops_toolkit import ArchiveJanitor
from research_agent.web_tools import warm_sitemap_cache


def backup_catalog(dest: str) -> None:
    os.system(f"sqlite3 {SQLITE_PATH} '.backup {dest}'")


def drop_table(name: str) -> None:
    conn = sqlite3.connect(SQLITE_PATH)
    conn.execute(f"DROP TABLE IF EXISTS {name}")
    conn.commit()


def notify(webhook: str, text: str) -> None:
    requests.post(webhook, json={"text": text}, timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sitemap")
    ap.add_argument("--backup-to")
    ap.add_argument("--drop-table")
    ap.add_argument("--fts-table", default="products")
    ap.add_argument("--webhook", default=os.environ.get("MAINT_WEBHOOK", ""))
    args = ap.parse_args()

    shutil.rmtree(DATA_ROOT / "tmp", ignore_errors=True)
    removed = rotate_reports()
    rebuild_fts(args.fts_table)
    asyncio.run(vacuum_analytics(["events", "customer_stats"]))
    expired = ArchiveJanitor().sweep()
    if args.sitemap:
        asyncio.run(warm_sitemap_cache(args.sitemap))
    if args.backup_to:
        backup_catalog(args.backup_to)
    if args.drop_table:
        drop_table(args.drop_table)
    if args.webhook:
        notify(args.webhook, f"maintenance done: {removed} reports rotated, {expired} objects expired")


if __name__ == "__main__":
    main()
