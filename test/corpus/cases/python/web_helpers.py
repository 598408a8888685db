"""Shared HTTP helpers used by the smolagents tools."""
import requests

STATUS_BASE = "https://status.example.com/api/"


def fetch_text(url: str, timeout: int = 20) -> str:
    resp = requests.get(url, timeout=timeout, headers={"User-Agent": "agent/1.0"})
    resp.raise_for_status()
    return resp.text


def status_url(service: str) -> str:
    return STATUS_BASE + service


if __name__ == "__main__":
    import sys
    print(fetch_text(sys.argv[1]))
