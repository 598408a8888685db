"""Runtime settings for the harbor agents.

Everything is read from the environment once at import time so that the tool
modules can treat these values as constants.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _csv(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(part.strip().lower() for part in raw.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    workspace_root: Path = Path(os.environ.get("HARBOR_WORKSPACE", "/srv/harbor/workspace"))
    export_dir: Path = Path(os.environ.get("HARBOR_EXPORT_DIR", "/srv/harbor/exports"))
    chart_dir: str = os.environ.get("HARBOR_CHART_DIR", "/srv/harbor/charts")
    sqlite_path: str = os.environ.get("HARBOR_SQLITE", "/srv/harbor/analytics.db")
    duckdb_path: str = os.environ.get("HARBOR_DUCKDB", "/srv/harbor/warehouse.duckdb")
    pg_dsn: str = os.environ.get("HARBOR_PG_DSN", "postgresql://harbor@localhost:5432/warehouse")
    smtp_host: str = os.environ.get("SMTP_HOST", "smtp.example.com")
    smtp_user: str = os.environ.get("SMTP_USER", "support@example.com")
    sms_from: str = os.environ.get("TWILIO_FROM", "+15550100")
    oncall_number: str = os.environ.get("ONCALL_NUMBER", "+15550199")
    tickets_url: str = os.environ.get("TICKETS_URL", "https://tickets.internal.example.com/api/v2")
    attachments_bucket: str = os.environ.get("ATTACHMENTS_BUCKET", "harbor-ticket-attachments")
    webhook_hosts: tuple[str, ...] = field(default_factory=lambda: _csv("HARBOR_WEBHOOK_HOSTS"))
    credit_approval_threshold: int = int(os.environ.get("CREDIT_APPROVAL_CENTS", "5000"))
    model: str = os.environ.get("HARBOR_MODEL", "gpt-4o-mini")
    model_id: str = os.environ.get("HARBOR_MODEL_ID", "openai:gpt-4o-mini")
    log_level: str = os.environ.get("LOG_LEVEL", "INFO")


settings = Settings()

REQUIRED_SECRETS = ("OPENAI_API_KEY", "SLACK_BOT_TOKEN", "STRIPE_API_KEY", "SMTP_PASSWORD")


def missing_secrets(names: tuple[str, ...] = REQUIRED_SECRETS) -> list[str]:
    """Names of required secrets that are not set (used by `harbor doctor`)."""
    return [name for name in names if not os.environ.get(name)]


def load_dotenv_file(path: str | os.PathLike[str] = ".env") -> None:
    """Populate os.environ from a dotenv file during local development."""
    p = Path(path)
    if not p.exists():
        return
    for line in p.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        os.environ.setdefault(key.strip(), value.strip().strip('"'))
