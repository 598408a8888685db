"""Migration 0007: backfill order totals and drop the legacy staging table."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


def upgrade(db_path: str, script_path: str) -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executescript(Path(script_path).read_text())
        conn.execute("UPDATE orders SET total_cents = subtotal_cents + tax_cents WHERE total_cents IS NULL")
    conn.close()


def downgrade(db_path: str, table: str = "orders_staging") -> None:
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.close()


if __name__ == "__main__":
    if sys.argv[1] == "down":
        downgrade(sys.argv[2], *sys.argv[3:4])
    else:
        upgrade(sys.argv[1], sys.argv[2])
