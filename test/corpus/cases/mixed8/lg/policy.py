"""Guards shared by the agent tools: host allowlist, path sandbox, table allowlist."""
import re
from pathlib import Path
from urllib.parse import urlparse

ALLOWED_HOSTS = frozenset({"partners.example.com", "docs.example.com"})
WORKSPACE_ROOT = Path("/srv/agent/workspace").resolve()
ALLOWED_TABLES = frozenset({"orders", "customers", "products"})
ALLOWED_SCRIPTS = frozenset({"rebuild_index", "rotate_logs", "warm_cache"})

_TABLE_RE = re.compile(r"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


class PolicyError(Exception):
    """Raised when a tool argument falls outside what the agent may touch."""


def check_host(url: str) -> str:
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        raise PolicyError(f"host not allowed: {host}")
    return url


def safe_path(name: str) -> Path:
    candidate = (WORKSPACE_ROOT / name).resolve()
    if not candidate.is_relative_to(WORKSPACE_ROOT):
        raise PolicyError(f"path escapes workspace: {name}")
    return candidate


def check_tables(sql: str) -> str:
    tables = _TABLE_RE.findall(sql)
    if not tables:
        raise PolicyError("no table referenced")
    for table in tables:
        if table.lower() not in ALLOWED_TABLES:
            raise PolicyError(f"table not allowed: {table}")
    return sql


def check_script(name: str) -> str:
    if name not in ALLOWED_SCRIPTS:
        raise PolicyError(f"script not allowed: {name}")
    return name


def describe() -> dict:
    return {
        "hosts": sorted(ALLOWED_HOSTS),
        "root": str(WORKSPACE_ROOT),
        "tables": sorted(ALLOWED_TABLES),
        "scripts": sorted(ALLOWED_SCRIPTS),
    }
