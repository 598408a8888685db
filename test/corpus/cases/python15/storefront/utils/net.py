"""Outbound HTTP helpers shared by views, tasks and integrations."""
import os
import re
from urllib.parse import urlparse

import requests

DEFAULT_TIMEOUT = 10
PARTNER_API = "https://partners.acme-supply.com"
ALLOWED_PREVIEW_HOSTS = frozenset(
    {
        "acme-outfitters.com",
        "www.acme-outfitters.com",
        "blog.acme-outfitters.com",
        "cdn.acme-outfitters.com",
    }
)
_TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


def fetch_json(url, **kwargs):
    resp = requests.get(url, timeout=DEFAULT_TIMEOUT, **kwargs)
    resp.raise_for_status()
    return resp.json()


def post_json(url, payload, **kwargs):
    resp = requests.post(url, json=payload, timeout=DEFAULT_TIMEOUT, **kwargs)
    resp.raise_for_status()
    return resp.json() if resp.content else {}


def fetch_partner(path):
    """Call the supplier partner API; `path` is appended to the base URL."""
    return fetch_json(
        PARTNER_API + path,
        headers={"X-Partner-Key": os.environ["ACME_PARTNER_KEY"]},
    )


def ensure_allowed_url(url):
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        raise ValueError(f"unsupported scheme in {url!r}")
    if parsed.hostname not in ALLOWED_PREVIEW_HOSTS:
        raise ValueError(f"host {parsed.hostname!r} is not allowed")
    return url


def fetch_page_title(url):
    resp = requests.get(url, timeout=DEFAULT_TIMEOUT, headers={"User-Agent": "acme-preview/1.2"})
    resp.raise_for_status()
    match = _TITLE_RE.search(resp.text)
    return match.group(1).strip() if match else ""


def download_to(url, dest_path):
    with requests.get(url, stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with open(dest_path, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=65536):
                fh.write(chunk)
    return dest_path
