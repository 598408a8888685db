from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache, partial

from sqlalchemy.engine import Engine

from .clients import BlobStore, Database, HttpClient, Mailer, PaymentsClient
from .clients.db import make_warehouse_engine
from .settings import Settings, settings as default_settings


@dataclass
class Deps:
    settings: Settings
    http: HttpClient
    db: Database
    warehouse: Engine
    storage: BlobStore
    mailer: Mailer
    payments: PaymentsClient


def build_deps(cfg: Settings = default_settings) -> Deps:
    make_http = partial(HttpClient, timeout=cfg.http_timeout)
    return Deps(
        settings=cfg,
        http=make_http(),
        db=Database(cfg.db_path),
        warehouse=make_warehouse_engine(cfg.warehouse_url),
        storage=BlobStore(cfg.blob_bucket),
        mailer=Mailer(cfg.smtp_host, cfg.mail_from),
        payments=PaymentsClient(),
    )


@lru_cache(maxsize=1)
def get_deps() -> Deps:
    return build_deps()
