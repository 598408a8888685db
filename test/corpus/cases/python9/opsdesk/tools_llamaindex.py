"""LlamaIndex agent over tickets, runbooks and the status page."""
from __future__ import annotations

import logging
import os
from urllib.parse import urlparse

import boto3
import httpx
import requests
from llama_index.core import Settings, SimpleDirectoryReader, VectorStoreIndex
from llama_index.core.agent.workflow import FunctionAgent
from llama_index.core.tools import FunctionTool, QueryEngineTool
from llama_index.core.tools.tool_spec.base import BaseToolSpec

from opsdesk.audit import audit_event
from opsdesk.config import ALLOWED_HOSTS, ARTIFACT_BUCKET, RUNBOOK_DIR, STATUS_API
from opsdesk.repo import connect, run_report
from opsdesk.sandbox import warn_if_outside

logger = logging.getLogger(__name__)


def search_tickets(query: str, limit: int = 20) -> list:
    """Full-text search over support tickets."""
    logger.info("search_tickets query=%r", query)
    sql = (
        "SELECT id, title, status FROM tickets "
        f"WHERE title LIKE '%{query}%' OR body LIKE '%{query}%' "
        f"ORDER BY updated_at DESC LIMIT {int(limit)}"
    )
    with connect() as conn:
        return run_report(conn, sql)


def read_runbook(name: str) -> str:
    """Return the markdown of a runbook, e.g. `db-failover.md`."""
    audit_event("read_runbook", name=name)
    path = warn_if_outside(os.path.join(RUNBOOK_DIR, name), root=RUNBOOK_DIR)
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def fetch_page(url: str) -> str:
    """Fetch a documentation or status page that the user referenced."""
    logger.info("fetch_page url=%s", url)
    resp = requests.get(url, timeout=15)
    final_host = urlparse(resp.url).hostname
    if final_host not in ALLOWED_HOSTS:
        raise ValueError(f"refusing content served from {final_host}")
    return resp.text[:8000]


class StatusPageToolSpec(BaseToolSpec):
    """Tools for the public status page and the build-artifact bucket."""

    spec_functions = ["get_incident", "delete_artifact"]

    def __init__(self, token: str | None = None) -> None:
        self._token = token or os.environ.get("STATUSPAGE_TOKEN", "")
        self._s3 = boto3.client("s3")

    def _headers(self) -> dict:
        return {"Authorization": f"OAuth {self._token}"}

    def get_incident(self, incident_id: str) -> dict:
        """Fetch an incident from the status page by id."""
        logger.info("get_incident id=%s", incident_id)
        resp = httpx.get(f"{STATUS_API}incidents/{incident_id}.json", headers=self._headers(), timeout=10)
        resp.raise_for_status()
        return resp.json()

    def delete_artifact(self, key: str) -> str:
        """Delete a build artifact from the artifact bucket."""
        audit_event("delete_artifact", bucket=ARTIFACT_BUCKET, key=key)
        self._s3.delete_object(Bucket=ARTIFACT_BUCKET, Key=key)
        return f"deleted s3://{ARTIFACT_BUCKET}/{key}"

    def list_local_artifacts(self, directory: str) -> list[str]:
        """Developer helper; intentionally not listed in spec_functions."""
        return sorted(os.listdir(directory))


def build_agent(llm=None) -> FunctionAgent:
    docs = SimpleDirectoryReader(RUNBOOK_DIR).load_data()
    kb = VectorStoreIndex.from_documents(docs)
    tools = [
        FunctionTool.from_defaults(fn=search_tickets, name="search_tickets"),
        FunctionTool.from_defaults(fn=read_runbook),
        FunctionTool.from_defaults(fn=fetch_page, description="Fetch a web page the user linked."),
        QueryEngineTool.from_defaults(
            query_engine=kb.as_query_engine(similarity_top_k=4),
            name="runbook_kb",
            description="Semantic search over all runbooks.",
        ),
        *StatusPageToolSpec().to_tool_list(),
    ]
    return FunctionAgent(
        tools=tools,
        llm=llm or Settings.llm,
        system_prompt="You are the support-desk assistant. Cite ticket ids.",
    )
