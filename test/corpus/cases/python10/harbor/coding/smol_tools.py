"""smolagents tools for the exploratory 'scout' agent."""
from __future__ import annotations

import fnmatch
import logging
import math
import subprocess
from urllib.parse import urlparse

import requests
from smolagents import CodeAgent, Tool, tool

from ..audit import audit_event
from ..httpclient import ALLOWED_HOSTS
from ..settings import settings
from ..workspace import Workspace

logger = logging.getLogger(__name__)

WS = Workspace(settings.workspace_root)
SAFE_MATH = {name: getattr(math, name) for name in dir(math) if not name.startswith("_")}


@tool
def find_files(pattern: str, directory: str = ".") -> str:
    """Find files whose name matches a shell-style pattern.

    Args:
        pattern: File name pattern, e.g. "*.py" or "test_*".
        directory: Directory to search, relative to the workspace root.
    """
    base = WS.resolve(directory)
    hits = [WS.relative(p) for p in WS.iter_files(base) if fnmatch.fnmatch(p.name, pattern)]
    return "\n".join(sorted(hits)[:500]) or "no files found"


@tool
def calculate(expression: str) -> str:
    """Evaluate an arithmetic expression such as "2**10 / sqrt(3)".

    Args:
        expression: The expression. Functions of the math module are available.
    """
    logger.info("calculate %r", expression)
    value = eval(expression, {"__builtins__": {}}, SAFE_MATH)
    return repr(value)


@tool
def pypi_latest_version(package: str) -> str:
    """Look up the latest released version of a package on PyPI.

    Args:
        package: Distribution name, e.g. "requests".
    """
    resp = requests.get(f"https://pypi.org/pypi/{package}/json", timeout=10)
    resp.raise_for_status()
    return resp.json()["info"]["version"]


class VisitWebpageTool(Tool):
    name = "visit_webpage"
    description = "Download a web page and return its text content."
    inputs = {"url": {"type": "string", "description": "Absolute URL of the page"}}
    output_type = "string"

    def __init__(self, allowed_hosts=ALLOWED_HOSTS, **kwargs):
        super().__init__(**kwargs)
        self.allowed_hosts = frozenset(allowed_hosts)

    def forward(self, url: str) -> str:
        host = urlparse(url).hostname or ""
        if host not in self.allowed_hosts:
            logger.warning("visit_webpage: %s is not on the allowlist", host)
        logger.info("visit_webpage %s", url)
        resp = requests.get(url, timeout=20, headers={"User-Agent": "harbor-scout/0.7"})
        resp.raise_for_status()
        return resp.text[:40_000]


class GitLogTool(Tool):
    name = "git_log"
    description = "Show recent commits, optionally limited to one path."
    inputs = {
        "max_count": {"type": "integer", "description": "How many commits to show"},
        "path": {"type": "string", "description": "Optional path filter", "nullable": True},
    }
    output_type = "string"

    def forward(self, max_count: int, path: str | None = None) -> str:
        cmd = ["git", "log", "--oneline", f"--max-count={int(max_count)}"]
        if path:
            cmd += ["--", path]
        audit_event(self.name, "git_log", max_count=max_count, path=path)
        return subprocess.run(cmd, cwd=WS.root, capture_output=True, text=True).stdout


def build_scout(model) -> CodeAgent:
    return CodeAgent(
        tools=[find_files, calculate, pypi_latest_version, VisitWebpageTool(), GitLogTool()],
        model=model,
        max_steps=12,
        additional_authorized_imports=["json", "re"],
    )
