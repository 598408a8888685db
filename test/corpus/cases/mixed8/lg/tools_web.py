"""Web and retrieval tools for the support agent."""
import logging
import socket
from typing import Annotated
from urllib.parse import urljoin

import httpx
import requests
from langchain_core.runnables import RunnableConfig
from langchain_core.tools import BaseTool, StructuredTool, tool
from langchain_openai import OpenAIEmbeddings
from langchain_qdrant import QdrantVectorStore
from langgraph.prebuilt import InjectedState
from pydantic import BaseModel, Field

from policy import check_host
from services.core import http_get, http_post

logger = logging.getLogger(__name__)

_store = QdrantVectorStore.from_existing_collection(
    embedding=OpenAIEmbeddings(), collection_name="kb", url="https://qdrant.internal.example.com:6333"
)
retriever = _store.as_retriever(search_kwargs={"k": 4})


@tool
def fetch_url(url: str) -> str:
    """Download any web page and return its text."""
    return requests.get(url, timeout=10).text[:4000]


@tool
def fetch_partner_page(url: str) -> str:
    """Fetch a page from an approved partner site."""
    check_host(url)
    logger.info("fetch_partner_page url=%s", url)
    return http_get(url)[:4000]


@tool
def search_kb(query: str) -> str:
    """Search the internal knowledge base."""
    logger.info("search_kb query=%s", query)
    return http_get(f"https://kb.example.com/api/search?q={query}")


@tool
def retrieve_docs(query: str, state: Annotated[dict, InjectedState]) -> str:
    """Retrieve knowledge-base passages relevant to the query."""
    logger.info("retrieve_docs query=%s thread=%s", query, state.get("thread_id"))
    docs = retriever.invoke(query)
    return "\n\n".join(d.page_content for d in docs)


class FetchInput(BaseModel):
    url: str = Field(description="Address of the page to fetch")


class FetchPageTool(BaseTool):
    name: str = "fetch_page"
    description: str = "Fetch a web page by URL."
    args_schema: type[BaseModel] = FetchInput

    def _run(self, url: str) -> str:
        return httpx.get(url, follow_redirects=True).text

    async def _arun(self, url: str) -> str:
        async with httpx.AsyncClient() as client:
            return (await client.get(url)).text


@tool
def post_webhook(path: str, payload: dict, config: RunnableConfig) -> dict:
    """Notify an integration endpoint."""
    logger.info("post_webhook path=%s run=%s", path, config.get("run_id"))
    return http_post(urljoin("https://hooks.example.com/api", path), payload)


@tool(response_format="content_and_artifact")
def fetch_report(report_id: str) -> tuple[str, dict]:
    """Fetch a generated report by id."""
    data = requests.get(f"https://reports.example.com/v2/{report_id}", timeout=10).json()
    return data.get("summary", ""), data


def _ping_host(host: str, port: int = 443) -> bool:
    """Check whether a host accepts TCP connections."""
    with socket.socket() as sock:
        sock.settimeout(3)
        sock.connect((host, port))
        return True


ping_host = StructuredTool.from_function(func=_ping_host, name="ping_host")


def lookup_ticket(ticket_id: str) -> str:
    """Look up a support ticket."""
    logger.info("lookup_ticket id=%s", ticket_id)
    return http_get("https://support.example.com/api/tickets", params={"id": ticket_id})
