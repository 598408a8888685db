"""Human-in-the-loop approvals through the internal approvals desk.

A request shows up in #ops-approvals (Slack) and on the approvals web UI; the
call blocks until an operator approves/rejects it or the request times out.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import httpx

from opsagent.clients import HttpClient
from opsagent.errors import ApprovalUnavailableError
from opsagent.logging_utils import get_logger
from opsagent.settings import Settings

logger = get_logger(__name__)


@dataclass(frozen=True)
class ApprovalDecision:
    granted: bool
    ticket_id: str
    approver: str | None = None
    reason: str | None = None


class ApprovalService:
    def __init__(self, http: HttpClient, settings: Settings) -> None:
        self._http = http
        self._base = settings.approvals_base_url.rstrip("/")
        self._timeout_s = settings.approvals_timeout_s

    async def request_approval(
        self,
        *,
        action: str,
        summary: str,
        payload: dict[str, Any],
        requested_by: str = "opsagent",
        poll_interval_s: float = 5.0,
    ) -> ApprovalDecision:
        try:
            created = await self._http.post(
                f"{self._base}/v1/requests",
                json={"action": action, "summary": summary, "payload": payload, "requested_by": requested_by},
            )
        except httpx.HTTPError as exc:
            raise ApprovalUnavailableError(str(exc)) from exc
        ticket_id = created.json()["id"]
        logger.info("approval requested action=%s ticket=%s", action, ticket_id)

        deadline = time.monotonic() + self._timeout_s
        while time.monotonic() < deadline:
            state = (await self._http.get(f"{self._base}/v1/requests/{ticket_id}")).json()
            if state["status"] == "approved":
                return ApprovalDecision(True, ticket_id, approver=state.get("decided_by"))
            if state["status"] == "rejected":
                return ApprovalDecision(False, ticket_id, approver=state.get("decided_by"), reason=state.get("comment"))
            await asyncio.sleep(poll_interval_s)
        return ApprovalDecision(False, ticket_id, reason="timed out waiting for an approver")
