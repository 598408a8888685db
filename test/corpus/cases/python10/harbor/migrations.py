"""Tiny migration runner for the analytics SQLite database."""
from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from .db import connect

MIGRATIONS_DIR = Path(__file__).with_name("migrations_sql")


def applied(conn: sqlite3.Connection) -> set[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
    return {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}


def migrate(conn: sqlite3.Connection, directory: Path = MIGRATIONS_DIR) -> list[str]:
    done = applied(conn)
    ran = []
    for script in sorted(directory.glob("*.sql")):
        if script.name in done:
            continue
        conn.executescript(script.read_text())
        conn.execute(f"INSERT INTO schema_migrations (name) VALUES ('{script.name}')")
        ran.append(script.name)
    conn.commit()
    return ran


def drop_table(conn: sqlite3.Connection, table: str) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {table}")
    conn.execute("DELETE FROM schema_migrations WHERE name LIKE ?", (f"%{table}%",))
    conn.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description="apply or roll back migrations")
    parser.add_argument("--db", default=None)
    parser.add_argument("--drop", metavar="TABLE")
    args = parser.parse_args()
    conn = connect(args.db)
    if args.drop:
        drop_table(conn, args.drop)
    else:
        for name in migrate(conn):
            print("applied", name)


if __name__ == "__main__":
    main()
