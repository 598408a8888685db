"""Database access for the analytics agent (SQLite, DuckDB, Postgres)."""
from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

import sqlglot
from sqlglot import exp

from .settings import settings

try:
    import psycopg2
except ImportError:  # the SQLite-only deployment does not ship psycopg2
    psycopg2 = None

ALLOWED_TABLES = frozenset({"orders", "order_items", "customers", "products", "metrics", "events"})


class QueryRejected(ValueError):
    pass


def connect(path: str | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(path or settings.sqlite_path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def connect_readonly(path: str | None = None) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path or settings.sqlite_path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def referenced_tables(sql: str, dialect: str = "sqlite") -> set[str]:
    try:
        statements = sqlglot.parse(sql, read=dialect)
    except sqlglot.errors.ParseError as exc:
        raise QueryRejected(f"could not parse query: {exc}") from exc
    tables: set[str] = set()
    for stmt in statements:
        if stmt is not None:
            tables |= {t.name.lower() for t in stmt.find_all(exp.Table)}
    return tables


def check_tables(sql: str, dialect: str = "sqlite") -> str:
    """Raise QueryRejected unless every table the query touches is allowlisted."""
    tables = referenced_tables(sql, dialect)
    if not tables:
        raise QueryRejected("query does not reference a table")
    unknown = tables - ALLOWED_TABLES
    if unknown:
        raise QueryRejected(f"tables not allowed: {', '.join(sorted(unknown))}")
    return sql


def ensure_select(sql: str) -> str:
    if not sql.lstrip().lower().startswith(("select", "with")):
        raise QueryRejected("only SELECT statements are allowed")
    return sql


@contextlib.contextmanager
def pg_readonly(dsn: str | None = None) -> Iterator["psycopg2.extensions.connection"]:
    conn = psycopg2.connect(dsn or settings.pg_dsn)
    try:
        with conn.cursor() as cur:
            cur.execute("SET TRANSACTION READ ONLY")
        yield conn
    finally:
        conn.rollback()
        conn.close()


@contextlib.contextmanager
def pg_connect(dsn: str | None = None) -> Iterator["psycopg2.extensions.connection"]:
    conn = psycopg2.connect(dsn or settings.pg_dsn)
    try:
        yield conn
        conn.commit()
    except Exception:
        conn.rollback()
        raise
    finally:
        conn.close()
