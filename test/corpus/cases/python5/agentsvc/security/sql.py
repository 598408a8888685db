"""SQL statement policy for agent queries."""
from __future__ import annotations

import re

ALLOWED_TABLES = frozenset({"orders", "products", "invoices"})

_TABLE_RE = re.compile(r"\b(?:from|join|into|update)\s+([A-Za-z_][A-Za-z0-9_.]*)", re.IGNORECASE)


class TableNotAllowed(PermissionError):
    pass


def check_tables(sql: str) -> None:
    """Raise unless every table the statement names is on the allowlist."""
    tables = {t.lower() for t in _TABLE_RE.findall(sql)}
    if not tables or not tables <= ALLOWED_TABLES:
        raise TableNotAllowed(", ".join(sorted(tables - ALLOWED_TABLES)) or "no table")


def looks_read_only(sql: str) -> bool:
    return sql.lstrip().upper().startswith("SELECT")
