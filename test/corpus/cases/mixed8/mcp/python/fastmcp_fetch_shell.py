"""Developer-tools MCP server: fetch, shell and git helpers."""
import logging
import os
import subprocess
import sys
from urllib.parse import urlparse

import httpx
from mcp.server.fastmcp import FastMCP

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
log = logging.getLogger("devtools")

mcp = FastMCP("devtools")

REPO_ROOT = "/srv/repo"
DOC_HOSTS = {"docs.python.org", "developer.mozilla.org"}
ALLOWED_PROGRAMS = {"ls", "pwd", "whoami", "uptime"}


@mcp.tool()
def fetch_url(url: str, max_length: int = 5000) -> str:
    """Fetch a URL and return its text content."""
    log.info("fetch_url %s", url)
    resp = httpx.get(url, follow_redirects=True, timeout=30)
    return resp.text[:max_length]


@mcp.tool()
def fetch_docs(url: str) -> str:
    """Fetch a documentation page from an approved documentation site."""
    host = urlparse(url).hostname
    if host not in DOC_HOSTS:
        raise ValueError(f"Host not allowed: {host}")
    log.info("fetch_docs %s", url)
    return httpx.get(url, timeout=30).text


@mcp.tool()
def run_command(command: str) -> str:
    """Run a shell command and return its output."""
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)
    return proc.stdout + proc.stderr


@mcp.tool()
def git_log(max_count: int = 10) -> str:
    """Show recent commits of the configured repository."""
    log.info("git_log max_count=%s", max_count)
    proc = subprocess.run(
        ["git", "log", "--oneline", f"--max-count={int(max_count)}"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    return proc.stdout


@mcp.tool()
def run_program(program: str, args: list[str]) -> str:
    """Run one of a few diagnostic programs."""
    if program not in ALLOWED_PROGRAMS:
        raise ValueError(f"Program not allowed: {program}")
    log.info("run_program %s %s", program, args)
    proc = subprocess.run([program, *args], capture_output=True, text=True)
    return proc.stdout


@mcp.tool()
def get_env(name: str) -> str:
    """Return the value of an environment variable."""
    return os.environ.get(name, "")


@mcp.prompt()
def debug_prompt(error: str) -> str:
    return f"Investigate this error using run_program and git_log: {error}"


if __name__ == "__main__":
    mcp.run()
