"""Access to Vault and the OS keyring."""
from __future__ import annotations

import os

import keyring

try:
    import hvac
except ImportError:
    hvac = None

VAULT_ADDR = os.environ.get("VAULT_ADDR", "https://vault.internal.example.com:8200")


def vault_client():
    if hvac is None:
        raise RuntimeError("hvac is not installed")
    return hvac.Client(url=VAULT_ADDR, token=os.environ.get("VAULT_TOKEN"))


def read_vault_secret(path: str, mount_point: str = "kv") -> dict:
    resp = vault_client().secrets.kv.v2.read_secret_version(path=path, mount_point=mount_point)
    return resp["data"]["data"]


def service_password(service: str, username: str) -> str | None:
    return keyring.get_password(service, username)
