"""Thin raw-SQL layer over sqlite3. We deliberately avoid an ORM here."""
import sqlite3

from storefront import settings


def get_connection(readonly=False):
    if readonly:
        conn = sqlite3.connect(f"file:{settings.DATABASE_PATH}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(settings.DATABASE_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_one(sql, params=()):
    with get_connection() as conn:
        row = conn.execute(sql, params).fetchone()
    return dict(row) if row else None


def fetch_all(sql, params=()):
    with get_connection() as conn:
        rows = conn.execute(sql, params).fetchall()
    return [dict(r) for r in rows]


def fetch_all_readonly(sql, params=()):
    conn = get_connection(readonly=True)
    try:
        return [dict(r) for r in conn.execute(sql, params).fetchall()]
    finally:
        conn.close()


def execute(sql, params=()):
    with get_connection() as conn:
        cur = conn.execute(sql, params)
        conn.commit()
        return cur.rowcount


def run_script(path):
    with open(path) as fh, get_connection() as conn:
        conn.executescript(fh.read())
