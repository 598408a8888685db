from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx


@dataclass
class HttpClient:
    timeout: float = 10.0
    user_agent: str = "agentsvc/0.7"

    def _headers(self) -> dict[str, str]:
        return {"User-Agent": self.user_agent}

    def get_text(self, url: str) -> str:
        resp = httpx.get(url, headers=self._headers(), timeout=self.timeout)
        resp.raise_for_status()
        return resp.text

    def post_json(self, url: str, payload: dict[str, Any]) -> int:
        resp = httpx.post(url, json=payload, headers=self._headers(), timeout=self.timeout)
        return resp.status_code
