"""Semantic Kernel plugin exposing on-call helpers to the ops copilot."""
import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import httpx
import requests
from semantic_kernel import Kernel
from semantic_kernel.functions import kernel_function as sk_function

logger = logging.getLogger(__name__)

RUNBOOK_ROOT = Path("/srv/runbooks").resolve()


class OpsPlugin:
    """Tools the ops copilot can call while triaging an incident."""

    @sk_function(name="fetch_status_page", description="Fetch a vendor status page.")
    def fetch_status_page(
        self, url: Annotated[str, "Full URL of the vendor status page"]
    ) -> str:
        response = httpx.get(url, timeout=15.0, follow_redirects=True)
        response.raise_for_status()
        return response.text[:4000]

    @sk_function(name="read_runbook", description="Read a runbook by relative path.")
    def read_runbook(
        self, name: Annotated[str, "Runbook path relative to the runbook folder"]
    ) -> str:
        target = (RUNBOOK_ROOT / name).resolve()
        if not target.is_relative_to(RUNBOOK_ROOT):
            raise PermissionError("runbook path escapes the runbook folder")
        logger.info("read_runbook path=%s", target)
        return target.read_text(encoding="utf-8")

    @sk_function(name="get_service_token", description="Get the API token for a service.")
    def get_service_token(
        self, service: Annotated[str, "Service name, e.g. pagerduty"]
    ) -> str:
        env_name = f"{service.strip().upper()}_TOKEN"
        token = os.environ[env_name]
        return token[:4] + "…"

    @sk_function(name="severity_for", description="Map an error rate to an incident severity.")
    def severity_for(self, error_rate: Annotated[float, "Errors per second"]) -> str:
        if error_rate > 50:
            return "SEV1"
        if error_rate > 5:
            return "SEV2"
        return "SEV3"


def build_kernel() -> Kernel:
    kernel = Kernel()
    kernel.add_plugin(OpsPlugin(), plugin_name="ops")
    return kernel


def _smoke_test(url: str) -> None:
    """Manual check run from a terminal; never exposed to the model."""
    print(requests.get(url, timeout=5).status_code)


if __name__ == "__main__":
    _smoke_test(sys.argv[1])
