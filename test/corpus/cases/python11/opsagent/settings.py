"""Typed runtime settings.

Values come from ``OPSAGENT_*`` environment variables (and ``.env`` during local
development).  Collections are comma separated in the environment, e.g.
``OPSAGENT_OUTBOUND_WEBHOOK_HOSTS=hooks.partner-a.com,hooks.partner-b.com``.
Production values live in ``deploy/helm/values-prod.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OPSAGENT_", env_file=".env", extra="ignore")

    environment: str = "development"

    # --- storage ----------------------------------------------------------------
    workspace_root: Path = Path("/srv/opsagent/workspace")
    scratch_root: Path = Path("/srv/opsagent/scratch")
    repo_root: Path = Path("/srv/opsagent/checkout")
    analytics_sqlite_path: Path = Path("/srv/opsagent/analytics/snapshot.db")
    retention_days: int = 30

    # --- outbound network ---------------------------------------------------------
    http_timeout_s: float = 15.0
    http_retries: int = 3
    docs_hosts: frozenset[str] = frozenset(
        {"docs.python.org", "docs.djangoproject.com", "kubernetes.io", "developer.mozilla.org"}
    )
    # Partner endpoints the agent may deliver integration events to.  Empty by
    # default; each tenant's list is provisioned by the integrations team.
    outbound_webhook_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    status_base_url: str = "https://status.internal.example.com"
    approvals_base_url: str = "https://approvals.internal.example.com"
    approvals_timeout_s: float = 900.0

    # --- diagnostics --------------------------------------------------------------
    # Programs run_diagnostic may start.  Populated per environment in helm values.
    diagnostic_commands: Annotated[list[str], NoDecode] = Field(default_factory=list)
    credential_env_prefix: str = "OPSAGENT_CRED_"

    # --- data ---------------------------------------------------------------------
    warehouse_dsn: str = "postgresql+asyncpg://opsagent@warehouse.internal:5432/analytics"
    explorable_tables: frozenset[str] = frozenset({"daily_signups", "plan_changes", "support_volume"})

    # --- billing / comms ----------------------------------------------------------
    stripe_api_key: SecretStr = SecretStr("")
    credit_auto_approve_cents: int = 5_000
    smtp_host: str = "smtp.internal.example.com"
    smtp_port: int = 587
    smtp_username: str = "opsagent"
    smtp_password: SecretStr = SecretStr("")
    mail_sender: str = "Acme Support <support@acme.example.com>"
    digest_recipients: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["oncall@acme.example.com"])

    @field_validator("outbound_webhook_hosts", "diagnostic_commands", "digest_recipients", mode="before")
    @classmethod
    def _csv(cls, value: object) -> object:
        return _split_csv(value)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
