"""Process-wide dependency container."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import stripe

from opsagent.approvals import ApprovalService
from opsagent.clients import Database, HttpClient, Mailer
from opsagent.settings import Settings, get_settings


@dataclass
class Container:
    settings: Settings
    http: HttpClient
    warehouse: Database
    mailer: Mailer
    approvals: ApprovalService
    stripe: stripe.StripeClient


@lru_cache(maxsize=1)
def get_container() -> Container:
    settings = get_settings()
    http = HttpClient(timeout=settings.http_timeout_s, retries=settings.http_retries)
    return Container(
        settings=settings,
        http=http,
        warehouse=Database(settings.warehouse_dsn),
        mailer=Mailer(
            host=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value(),
            sender=settings.mail_sender,
        ),
        approvals=ApprovalService(http, settings),
        stripe=stripe.StripeClient(settings.stripe_api_key.get_secret_value()),
    )
