"""Web toolkit whose bound methods are registered as LangChain tools."""
import ipaddress
import logging
import os
import re
import socket
from urllib.parse import urlparse

import httpx
import requests
from langchain_core.tools import StructuredTool, tool

logger = logging.getLogger(__name__)

ALLOWED_HOSTS = {"api.example.com", "status.example.com"}
STRICT_MODE = os.environ.get("STRICT_MODE") == "1"


class WebToolkit:
    """Groups the HTTP tools the research agent may call."""

    def __init__(self, timeout: float = 10.0):
        self.timeout = timeout

    def fetch_json(self, url: str) -> dict:
        """Fetch a JSON document from any URL."""
        logger.info("fetch_json url=%s", url)
        response = httpx.get(url, timeout=self.timeout)
        return response.json()

    def check_status(self, url: str) -> str:
        """Check whether a status page is up."""
        host = urlparse(url).hostname or ""
        if host not in ALLOWED_HOSTS:
            raise ValueError("host not allowed")
        address = ipaddress.ip_address(socket.gethostbyname(host))
        if address.is_private or address.is_loopback or address.is_link_local:
            raise ValueError("private address")
        logger.info("check_status host=%s", host)
        return str(requests.head(url, timeout=self.timeout).status_code)

    def call_api(self, url: str) -> str:
        """Call an endpoint of the example API."""
        if not re.fullmatch(r"https://api\.example\.com/[\w/-]*", url):
            return "denied"
        return requests.get(url, timeout=self.timeout).text

    def fetch_page(self, url: str) -> str:
        """Fetch an HTML page."""
        if STRICT_MODE:
            if urlparse(url).hostname not in ALLOWED_HOSTS:
                raise ValueError("host not allowed")
        logger.info("fetch_page url=%s", url)
        return requests.get(url, timeout=self.timeout).text

    def ip_info(self, address: str) -> str:
        """Describe an IP address without contacting it."""
        ip = ipaddress.ip_address(address)
        return f"version={ip.version} private={ip.is_private}"

    def as_tools(self):
        return [
            StructuredTool.from_function(self.fetch_json),
            tool(self.check_status),
            tool(self.call_api),
            StructuredTool.from_function(func=self.fetch_page),
            tool(self.ip_info),
        ]


def build_agent(llm):
    from langgraph.prebuilt import create_react_agent

    return create_react_agent(llm, tools=WebToolkit().as_tools())
