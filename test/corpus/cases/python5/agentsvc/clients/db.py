from __future__ import annotations

import sqlite3
from typing import Any, Sequence

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


class Database:
    """Read-write application database (orders, customers, invoices)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn = sqlite3.connect(path, check_same_thread=False)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self._conn.execute(sql, params)
        return cur.fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        cur = self._conn.execute(sql, params)
        self._conn.commit()
        return cur.rowcount


def make_warehouse_engine(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True)
