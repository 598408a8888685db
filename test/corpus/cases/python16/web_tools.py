"""Web lookup tools for the opsbot LangChain agent."""
from __future__ import annotations

import http.client
import json
import sys

import urllib3
from langchain_core.tools import tool as lc_tool

from common import audit_event, ensure_doc_url

_http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=3.0, read=10.0), retries=2)


@lc_tool
def fetch_doc_page(url: str) -> str:
    """Fetch a page from one of the approved documentation sites and return its text."""
    ensure_doc_url(url)
    audit_event("fetch_doc_page", url=url)
    resp = _http.request("GET", url, redirect=False)
    return resp.data.decode("utf-8", errors="replace")[:20000]


@lc_tool
def probe_https_endpoint(host: str, path: str = "/healthz") -> str:
    """Check whether an HTTPS endpoint on the given host answers and return its status line."""
    conn = http.client.HTTPSConnection(host, timeout=5)
    try:
        conn.request("HEAD", path)
        resp = conn.getresponse()
        print(f"probe {host}{path} -> {resp.status}")
        return f"{resp.status} {resp.reason}"
    finally:
        conn.close()


@lc_tool
def get_release_notes(version: str) -> dict:
    """Return the release notes of an opsbot platform version such as '4.12.1'."""
    conn = http.client.HTTPSConnection("releases.opsbot.example.com", timeout=10)
    conn.request("GET", f"/api/notes/{version}.json", headers={"Accept": "application/json"})
    body = conn.getresponse().read()
    conn.close()
    return json.loads(body)


@lc_tool
def explain_status_code(code: int) -> str:
    """Explain an HTTP status code in plain words."""
    reason = http.client.responses.get(code, "unknown status")
    family = {1: "informational", 2: "success", 3: "redirect", 4: "client error", 5: "server error"}
    return f"{code} {reason} ({family.get(code // 100, 'non-standard')})"


def warm_doc_cache(urls: list[str]) -> int:
    """Deploy hook: prefetch pages so the CDN is warm. Not exposed to the agent."""
    ok = 0
    for url in urls:
        if _http.request("GET", url).status == 200:
            ok += 1
    return ok


WEB_TOOLS = [fetch_doc_page, probe_https_endpoint, get_release_notes, explain_status_code]


if __name__ == "__main__":
    print(warm_doc_cache(sys.argv[1:]))
