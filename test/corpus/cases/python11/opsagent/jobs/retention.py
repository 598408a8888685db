"""Nightly retention job (Kubernetes CronJob ``opsagent-retention``, 03:15 UTC)."""

from __future__ import annotations

import asyncio
import os
import shutil
import time

from opsagent.container import get_container
from opsagent.logging_utils import configure_logging, get_logger
from opsagent.utils.paths import resolve_in_root

logger = get_logger(__name__)


async def purge_scratch(max_age_days: int) -> list[str]:
    settings = get_container().settings
    cutoff = time.time() - max_age_days * 86_400
    removed: list[str] = []
    for name in os.listdir(settings.scratch_root):
        path = resolve_in_root(settings.scratch_root, name)
        if path.stat().st_mtime >= cutoff:
            continue
        if path.is_dir():
            shutil.rmtree(path)
        else:
            os.remove(path)
        removed.append(name)
    return removed


async def purge_sessions(max_age_days: int) -> int:
    return await get_container().warehouse.execute(
        "DELETE FROM agent_sessions WHERE last_seen < now() - make_interval(days => :days)",
        {"days": max_age_days},
    )


async def drop_expired_exports() -> None:
    db = get_container().warehouse
    rows = await db.fetch_all("SELECT table_name FROM export_tables WHERE expires_at < now()")
    for row in rows:
        await db.execute(f'DROP TABLE IF EXISTS exports."{row["table_name"]}"')
        await db.execute("DELETE FROM export_tables WHERE table_name = :t", {"t": row["table_name"]})


async def send_digest(removed: list[str], sessions: int) -> None:
    c = get_container()
    body = f"Removed {len(removed)} scratch entries and {sessions} stale sessions.\n\n" + "\n".join(removed)
    await c.mailer.send(to=c.settings.digest_recipients, subject="[opsagent] nightly retention", body=body)


async def _main() -> None:
    days = get_container().settings.retention_days
    removed = await purge_scratch(days)
    sessions = await purge_sessions(days)
    await drop_expired_exports()
    await send_digest(removed, sessions)
    logger.info("retention done removed=%d sessions=%d", len(removed), sessions)


def main() -> None:
    configure_logging()
    asyncio.run(_main())


if __name__ == "__main__":
    main()
