"""Nightly housekeeping jobs (APScheduler)."""
from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

import requests
from apscheduler.schedulers.blocking import BlockingScheduler

from .db import connect
from .httpclient import STATUS_API
from .notify import post_slack, send_email
from .settings import settings

logger = logging.getLogger("harbor.scheduler")

RETENTION_DAYS = int(os.environ.get("HARBOR_RETENTION_DAYS", "30"))


def purge_old_exports(export_dir: Path = settings.export_dir) -> int:
    cutoff = time.time() - RETENTION_DAYS * 86400
    removed = 0
    for entry in os.scandir(export_dir):
        if entry.stat().st_mtime < cutoff:
            if entry.is_dir():
                shutil.rmtree(entry.path)
            else:
                os.remove(entry.path)
            removed += 1
    return removed


def purge_events() -> int:
    conn = connect()
    with conn:
        cur = conn.execute(f"DELETE FROM events WHERE created_at < date('now', '-{RETENTION_DAYS} days')")
    return cur.rowcount


def daily_summary() -> None:
    status = requests.get(f"{STATUS_API}/summary", timeout=10).json()
    text = f"Nightly: {status['open_incidents']} open incidents, {purge_events()} events purged"
    post_slack("#ops", text)
    send_email("ops@example.com", "harbor nightly summary", text)


def main() -> None:
    logging.basicConfig(level=settings.log_level)
    sched = BlockingScheduler(timezone="UTC")
    sched.add_job(purge_old_exports, "cron", hour=2)
    sched.add_job(daily_summary, "cron", hour=6)
    sched.start()


if __name__ == "__main__":
    main()
