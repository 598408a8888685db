import logging
import os
from pathlib import Path
from urllib.parse import urlparse

log = logging.getLogger("agent.audit")

ALLOWED_HOSTS = {"api.github.com", "docs.python.org"}
DATA_ROOT = Path("/srv/agent/data").resolve()


class Denied(Exception):
    pass


def require_allowed_host(url: str) -> None:
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        raise Denied(f"host {host} not allowed")


def host_ok(url: str) -> bool:
    return urlparse(url).hostname in ALLOWED_HOSTS


def inside_root(p: str) -> Path:
    resolved = (DATA_ROOT / p).resolve()
    if not resolved.is_relative_to(DATA_ROOT):
        raise Denied("path escapes data root")
    return resolved


def audit(event: str, **fields) -> None:
    log.info("%s %s", event, fields)


def request_approval(summary: str) -> bool:
    answer = input(f"Approve: {summary}? [y/N] ")
    return answer.strip().lower() == "y"


def fetch_raw(url: str) -> bytes:
    import urllib.request
    with urllib.request.urlopen(url) as resp:
        return resp.read()
