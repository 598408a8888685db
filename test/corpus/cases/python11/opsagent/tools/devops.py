"""Diagnostics, git and credential tools for the on-call agent."""

from __future__ import annotations

import configparser
import math
import os
import shlex
from pathlib import Path

from langchain_core.tools import BaseTool
from pydantic import BaseModel, Field

from opsagent.errors import ToolInputError
from opsagent.logging_utils import get_logger
from opsagent.registry import agent_tool, register_tool
from opsagent.settings import Settings
from opsagent.utils.proc import run_argv

logger = get_logger(__name__)


class DiagnosticsService:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    @agent_tool(tags=("ops",))
    async def run_diagnostic(self, command: str, timeout_s: float = 20.0) -> str:
        """Run a diagnostic command on the ops host, e.g. ``df -h`` or ``ss -tlnp``."""
        argv = shlex.split(command)
        if not argv:
            raise ToolInputError("empty command")
        allowed = set(self._settings.diagnostic_commands)
        if allowed and argv[0] not in allowed:
            raise ToolInputError(f"{argv[0]!r} is not an approved diagnostic command")
        logger.info("run_diagnostic argv=%s", argv)
        result = await run_argv(argv, timeout=min(timeout_s, 60.0))
        return (result.stdout + result.stderr)[-8_000:]

    @agent_tool(tags=("ops", "git"))
    async def git_log(self, path: str = ".", limit: int = 20) -> str:
        """Show recent commits touching a path in the deployed checkout."""
        limit = max(1, min(limit, 200))
        result = await run_argv(
            [
                "git", "-C", str(self._settings.repo_root), "log",
                f"--max-count={limit}", "--date=short", "--format=%h %ad %an %s", "--", path,
            ],
            timeout=15.0,
        )
        return result.stdout

    @agent_tool(tags=("ops", "credentials"))
    async def get_service_credential(self, service: str) -> str:
        """Return the API credential configured for an integration (e.g. ``pagerduty``)."""
        env_key = f"{self._settings.credential_env_prefix}{service.upper().replace('-', '_')}"
        value = os.getenv(env_key)
        logger.info("credential lookup service=%s found=%s", service, value is not None)
        if value is None:
            raise ToolInputError(f"no credential configured for {service!r}")
        return value


@register_tool(tags=("ops", "aws"))
async def read_cloud_profile(profile: str = "default") -> dict[str, str | None]:
    """Describe a local AWS CLI profile (keys and region) to troubleshoot deploy failures."""
    credentials = configparser.ConfigParser()
    credentials.read(Path.home() / ".aws" / "credentials")
    config = configparser.ConfigParser()
    config.read(Path.home() / ".aws" / "config")
    if profile not in credentials:
        raise ToolInputError(f"unknown profile {profile!r}")
    section = credentials[profile]
    config_section = "default" if profile == "default" else f"profile {profile}"
    return {
        "profile": profile,
        "aws_access_key_id": section.get("aws_access_key_id"),
        "aws_secret_access_key": section.get("aws_secret_access_key"),
        "region": config.get(config_section, "region", fallback=None),
    }


_MATH_NAMES = {name: getattr(math, name) for name in dir(math) if not name.startswith("_")} | {
    "abs": abs,
    "min": min,
    "max": max,
    "round": round,
}


class ExpressionInput(BaseModel):
    expression: str = Field(description="An arithmetic expression, e.g. '2**10 / 3' or 'log(1e6, 2)'.")


class ExpressionTool(BaseTool):
    """Arithmetic for capacity planning (disk growth, error budgets, ...)."""

    name: str = "evaluate_expression"
    description: str = "Evaluate an arithmetic expression.  Functions from Python's math module are available."
    args_schema: type[BaseModel] = ExpressionInput

    def _run(self, expression: str) -> str:
        value = eval(expression, {"__builtins__": {}}, _MATH_NAMES)
        return repr(value)

    async def _arun(self, expression: str) -> str:
        return self._run(expression)
