"""smolagents CodeAgent and its tools for data wrangling."""
from __future__ import annotations

import io
import logging
import subprocess

import requests
import smolagents as sa
from opentelemetry import trace
from smolagents import CodeAgent, InferenceClientModel, Tool

from opsdesk.config import DATASET_PREFIX, DOCS_PREFIX, REPO_DIR
from opsdesk.httpclient import ensure_allowed_host

logger = logging.getLogger(__name__)
tracer = trace.get_tracer("opsdesk.smol")


@sa.tool
def web_fetch(url: str) -> str:
    """Download a web page from one of the approved documentation hosts.

    Args:
        url: Absolute URL of the page.
    """
    ensure_allowed_host(url)
    resp = requests.get(url, timeout=15)
    resp.raise_for_status()
    return resp.text[:10000]


@sa.tool
def python_calc(expression: str) -> str:
    """Evaluate an arithmetic expression such as `2 ** 10 / 3`.

    Args:
        expression: The expression to evaluate.
    """
    result = eval(expression, {"__builtins__": {}}, {})
    return repr(result)


@sa.tool
def download_dataset(url: str) -> str:
    """Download a CSV dataset from the data portal and return the first rows.

    Args:
        url: Dataset URL on the data portal.
    """
    if not url.startswith(DATASET_PREFIX):
        raise ValueError("only datasets from the data portal are allowed")
    logger.info("download_dataset %s", url)
    resp = requests.get(url, timeout=60)
    resp.raise_for_status()
    head = io.StringIO(resp.text).readlines()[:20]
    return "".join(head)


@sa.tool
def read_docs_page(url: str) -> str:
    """Read a page of the product documentation.

    Args:
        url: URL of a page on the documentation site.
    """
    if not url.startswith(DOCS_PREFIX):
        raise ValueError(f"{url} is not on the documentation site")
    logger.info("read_docs_page %s", url)
    return requests.get(url, timeout=15).text[:10000]


class ShellTool(Tool):
    name = "shell"
    description = "Run a shell command inside the sandbox container and return its output."
    inputs = {"command": {"type": "string", "description": "Command line to run."}}
    output_type = "string"

    def forward(self, command: str) -> str:
        logger.info("shell: %s", command)
        proc = subprocess.run(
            ["bash", "-lc", command], capture_output=True, text=True, timeout=120, cwd="/sandbox"
        )
        return (proc.stdout + proc.stderr)[-6000:]


class GitLogTool(Tool):
    name = "git_log"
    description = "Show recent commits that touched a path in the service repository."
    inputs = {
        "path": {"type": "string", "description": "Path inside the repository."},
        "max_count": {"type": "integer", "description": "How many commits.", "nullable": True},
    }
    output_type = "string"

    def forward(self, path: str, max_count: int | None = None) -> str:
        with tracer.start_as_current_span("tool.git_log") as span:
            span.set_attribute("git_log.path", path)
            n = max(1, min(int(max_count or 20), 200))
            proc = subprocess.run(
                ["git", "-C", REPO_DIR, "log", f"--max-count={n}", "--oneline", "--", path],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            return proc.stdout or proc.stderr


def build_agent() -> CodeAgent:
    return CodeAgent(
        tools=[web_fetch, python_calc, download_dataset, read_docs_page, ShellTool(), GitLogTool()],
        model=InferenceClientModel(),
        additional_authorized_imports=["pandas", "json"],
        max_steps=12,
    )
