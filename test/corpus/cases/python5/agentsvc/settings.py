from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    docs_root: str = "/srv/agentsvc/docs"
    reports_root: str = "/srv/agentsvc/reports"
    uploads_dir: str = "/srv/agentsvc/uploads"
    sandbox_root: Path = Path("/srv/agentsvc/sandbox")
    db_path: str = "/srv/agentsvc/data/app.db"
    warehouse_url: str = "postgresql+psycopg://agent@warehouse.internal/analytics"
    blob_bucket: str = "agentsvc-artifacts"
    smtp_host: str = "smtp.example.com"
    mail_from: str = "support@example.com"
    http_timeout: float = 15.0
    model_name: str = "openai:gpt-4o"
    extra: dict = field(default_factory=dict)


def load_settings() -> Settings:
    return Settings(
        db_path=os.environ.get("AGENTSVC_DB_PATH", "/srv/agentsvc/data/app.db"),
        model_name=os.environ.get("AGENTSVC_MODEL", "openai:gpt-4o"),
    )


settings = load_settings()
