"""Static configuration for the research agent."""
from __future__ import annotations

import os
from pathlib import Path

DATA_ROOT = Path(os.environ.get("AGENT_DATA_ROOT", "/srv/agent-data")).resolve()
REPORTS_DIR = DATA_ROOT / "reports"
UPLOADS_DIR = "/srv/agent-data/uploads"

ALLOWED_HOSTS = frozenset({"docs.python.org", "en.wikipedia.org", "api.github.com"})

# Mirror hosts for self-hosted deployments; empty unless the operator configures them.
EXTRA_HOSTS = {h.strip() for h in os.environ.get("AGENT_EXTRA_HOSTS", "").split(",") if h.strip()}

STATUS_API = "https://status.internal.example.com/api/components/"
PARTNER_API = "https://partner.example.com"

SQLITE_PATH = str(DATA_ROOT / "catalog.db")
PG_DSN = os.environ.get("ANALYTICS_DSN", "postgresql://agent@localhost/analytics")

READABLE_TABLES = frozenset({"products", "orders", "customers_public"})

ALLOWED_PROGRAMS = {"rg": "/usr/bin/rg", "wc": "/usr/bin/wc", "jq": "/usr/bin/jq"}

ARCHIVE_BUCKET = "acme-agent-archive"
