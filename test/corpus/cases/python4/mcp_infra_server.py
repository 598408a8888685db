"""FastMCP server exposing infrastructure helpers to coding assistants."""
import logging
import os
import shutil
from urllib.parse import urljoin, urlparse

import httpx
import requests
from mcp.server.fastmcp import FastMCP

logger = logging.getLogger(__name__)
mcp = FastMCP("infra-helper")

KNOWN_HOSTS = {"status.example.com", "grafana.example.com"}
PARTNER_HOSTS = {h for h in os.environ.get("PARTNER_HOSTS", "").split(",") if h}
INTERNAL_API = "https://api.internal.example.com"
WORKSPACES = os.path.realpath("/srv/workspaces")


@mcp.tool()
def probe_endpoint(url: str) -> int:
    """Return the HTTP status code of an infrastructure endpoint."""
    host = urlparse(url).hostname
    if host not in KNOWN_HOSTS:
        logger.warning("probe_endpoint: unexpected host %s", host)
    return requests.head(url, timeout=5).status_code


@mcp.tool()
def call_partner_api(url: str) -> str:
    """GET a partner API endpoint (partners are configured by PARTNER_HOSTS)."""
    host = urlparse(url).hostname
    if PARTNER_HOSTS and host not in PARTNER_HOSTS:
        raise ValueError(f"{host} is not a configured partner")
    logger.info("call_partner_api url=%s", url)
    return httpx.get(url, timeout=10).text


@mcp.tool()
def internal_api_get(path: str) -> dict:
    """GET a resource from the internal API by path."""
    logger.info("internal_api_get path=%s", path)
    resp = requests.get(urljoin(INTERNAL_API, path), timeout=10)
    return resp.json()


@mcp.tool()
def read_docs(url: str) -> str:
    """Read a page of the public developer documentation."""
    if not url.startswith("https://docs.example.com/"):
        raise ValueError("only docs.example.com pages can be read")
    logger.info("read_docs url=%s", url)
    return httpx.get(url, timeout=10).text


@mcp.tool()
def get_config_value(name: str) -> str:
    """Return a configuration value from the server environment."""
    logger.info("get_config_value name=%s", name)
    return os.getenv(name, "")


@mcp.tool()
def remove_workspace(workspace: str) -> str:
    """Delete a scratch workspace directory."""
    target = os.path.realpath(os.path.join(WORKSPACES, workspace))
    if os.path.commonpath([WORKSPACES, target]) != WORKSPACES or target == WORKSPACES:
        raise PermissionError("workspace must be inside the workspaces root")
    logger.info("remove_workspace target=%s", target)
    shutil.rmtree(target)
    return f"removed {workspace}"


if __name__ == "__main__":
    mcp.run()
