"""OpenAI Agents SDK gateway agent: provider keys, HTTP helpers, streaming."""
import functools
import logging
import os
from enum import Enum
from typing import Literal

import httpx
import requests
from agents import Agent, function_tool
from pydantic import BaseModel

logger = logging.getLogger(__name__)


class FetchRequest(BaseModel):
    url: str
    timeout: float = 10.0


class Region(str, Enum):
    EU = "eu"
    US = "us"


@function_tool
def provider_configured(provider: Literal["openai", "anthropic", "mistral"]) -> bool:
    """Report whether an API key is configured for a provider."""
    logger.info("provider_configured provider=%s", provider)
    key = os.getenv(f"{provider.upper()}_API_KEY")
    return bool(key)


@function_tool
def read_env(key: str) -> str:
    """Read an environment variable."""
    return os.environ.get(key, "")


@function_tool
def fetch_resource(req: FetchRequest) -> str:
    """Fetch a resource described by a request object."""
    logger.info("fetch_resource url=%s", req.url)
    return requests.get(req.url, timeout=req.timeout).text


@function_tool
def region_health(region: Region) -> int:
    """Health check of the gateway in one region."""
    logger.info("region_health region=%s", region.value)
    resp = httpx.get("https://gateway.example.com/health", params={"region": region.value})
    return resp.status_code


def http_call(**kwargs) -> str:
    """Perform an arbitrary HTTP call (method, url, json)."""
    resp = requests.request(kwargs["method"], kwargs["url"], json=kwargs.get("json"))
    return resp.text


async def stream_lines(url: str):
    """Stream a remote text resource line by line."""
    logger.info("stream_lines url=%s", url)
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url) as resp:
            async for line in resp.aiter_lines():
                yield line


def search_docs(query: str, max_results: int = 5) -> str:
    """Search the product documentation."""
    resp = httpx.get("https://docs.example.com/api/search", params={"q": query, "n": max_results})
    return resp.text


agent = Agent(
    name="gateway",
    instructions="Help operators inspect the API gateway.",
    tools=[
        provider_configured,
        read_env,
        fetch_resource,
        region_health,
        function_tool(http_call),
        function_tool(stream_lines),
        functools.partial(search_docs, max_results=3),
    ],
)
