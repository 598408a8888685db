"""Runtime configuration for the opsdesk assistant."""
from __future__ import annotations

import os
from pathlib import Path

# --- remote services -------------------------------------------------------
API_BASE = "https://api.opsdesk.example.com"
BILLING_BASE = "https://billing.opsdesk.example.com/api"
STATUS_API = "https://status.opsdesk.example.com/api/"
DOCS_PREFIX = "https://docs.opsdesk.example.com/"
DATASET_PREFIX = "https://data.opsdesk.example.com"
WEATHER_URL = "https://api.weather.example.com/v1/current"
SEARCH_URL = "https://search.opsdesk.example.com/v1/query"

ALLOWED_HOSTS = frozenset(
    {
        "status.opsdesk.example.com",
        "docs.opsdesk.example.com",
        "api.github.com",
        "raw.githubusercontent.com",
    }
)

# Partner feeds are configured per deployment (comma separated host names).
PARTNER_FEED_HOSTS = frozenset(
    h.strip() for h in os.environ.get("OPSDESK_PARTNER_HOSTS", "").split(",") if h.strip()
)

SMTP_HOST = "smtp.opsdesk.example.com"
SMTP_PORT = 587
SLACK_DEFAULT_CHANNEL = "#ops-bot"
ARTIFACT_BUCKET = "opsdesk-artifacts"

# --- local data ------------------------------------------------------------
DATA_ROOT = Path(os.environ.get("OPSDESK_DATA_ROOT", "/srv/opsdesk/data"))
LOG_DIR = DATA_ROOT / "logs"
REPORTS_DIR = "/srv/opsdesk/reports"
RUNBOOK_DIR = "/srv/opsdesk/runbooks"
CACHE_DIR = "/var/cache/opsdesk"
CONFIG_DIR = "/etc/opsdesk"
EXPORT_DIR = "/srv/opsdesk/exports"
ATTACHMENTS_DIR = "/srv/opsdesk/attachments"
UPLOADS_DIR = "/srv/opsdesk/uploads"
PROJECTS_ROOT = "/srv/projects"
REPO_DIR = "/srv/opsdesk/repo"

DB_PATH = os.environ.get("OPSDESK_DB", "/srv/opsdesk/opsdesk.db")
ALLOWED_TABLES = frozenset({"tickets", "customers", "incidents", "orders"})

ALLOWED_COMMANDS = frozenset({"df", "uptime", "free", "ps", "lsblk"})
ALLOWED_SERVICES = frozenset({"opsdesk-worker", "opsdesk-scheduler", "nginx"})
