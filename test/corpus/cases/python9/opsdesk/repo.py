"""SQLite repository helpers."""
from __future__ import annotations

import re
import sqlite3

from .config import ALLOWED_TABLES, DB_PATH

_TABLE_RE = re.compile(r"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


def connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


def connect_readonly() -> sqlite3.Connection:
    return sqlite3.connect(f"file:{DB_PATH}?mode=ro", uri=True)


def find_customer(conn: sqlite3.Connection, email: str):
    return conn.execute(
        "SELECT id, name, email, plan FROM customers WHERE email = ?", (email,)
    ).fetchone()


def check_tables(sql: str) -> str:
    """Raise unless every table the statement reads is in ALLOWED_TABLES."""
    tables = {t.lower() for t in _TABLE_RE.findall(sql)}
    if not tables or not tables <= ALLOWED_TABLES:
        raise PermissionError(f"query touches tables outside the allowlist: {sorted(tables - ALLOWED_TABLES)}")
    return sql


def run_report(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()
