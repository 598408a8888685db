import os
import sqlite3

import pytest

from agentsvc.security import (
    check_tables,
    join_under_root,
    require_allowed_host,
    resolve_in_sandbox,
)
from agentsvc.security.sql import TableNotAllowed


def test_allowed_host_passes():
    assert require_allowed_host("https://partners.example.com/a")


def test_other_host_rejected():
    with pytest.raises(PermissionError):
        require_allowed_host("http://169.254.169.254/latest/meta-data/")


def test_sandbox_blocks_traversal(tmp_settings):
    with pytest.raises(PermissionError):
        resolve_in_sandbox("../../etc/passwd", tmp_settings.sandbox_root)


def test_join_under_root_lets_dotdot_through(tmp_settings):
    # documents the known weakness of join_under_root (tracked in SEC-112)
    path = join_under_root("../sandbox", tmp_settings.reports_root)
    assert os.path.exists(path)


def test_check_tables_rejects_customers(tmp_settings):
    conn = sqlite3.connect(tmp_settings.db_path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(TableNotAllowed):
        check_tables("SELECT * FROM customers")
    for row in conn.execute("SELECT name FROM sqlite_master"):
        assert row
