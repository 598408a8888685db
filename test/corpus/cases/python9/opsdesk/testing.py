"""Helpers for the test-suite: fixture loading and throwaway databases."""
from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile

import httpx

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures")


def load_fixture(name: str) -> str:
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as fh:
        return fh.read()


def temp_db(schema_sql: str) -> str:
    directory = tempfile.mkdtemp(prefix="opsdesk-test-")
    path = os.path.join(directory, "test.db")
    conn = sqlite3.connect(path)
    conn.executescript(schema_sql)
    conn.close()
    return path


def drop_temp_db(path: str) -> None:
    shutil.rmtree(os.path.dirname(path), ignore_errors=True)


def wait_for_server(url: str, attempts: int = 20) -> bool:
    for _ in range(attempts):
        try:
            if httpx.get(url, timeout=0.5).status_code < 500:
                return True
        except httpx.HTTPError:
            pass
    return False
