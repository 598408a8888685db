"""LangGraph maintenance and admin graphs."""
from __future__ import annotations

import logging
import shutil
import sqlite3
import subprocess
from datetime import datetime
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import httpx
import requests
from langchain_core.tools import BaseTool
from langchain_core.tools import tool as lc_tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import MemorySaver
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode, create_react_agent, tools_condition
from langgraph.types import interrupt
from langsmith import traceable

from opsdesk.audit import audit_event
from opsdesk.config import BILLING_BASE, DB_PATH, REPO_DIR, SEARCH_URL
from opsdesk.sandbox import safe_path

logger = logging.getLogger(__name__)


@lc_tool
def delete_record(record_id: int) -> str:
    """Delete a record from the records table."""
    decision = interrupt({"action": "delete_record", "record_id": record_id})
    if decision != "approve":
        return f"deletion of record {record_id} was rejected"
    logger.info("delete_record %s approved", record_id)
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
    return f"record {record_id} deleted"


@lc_tool
def drop_table(table: str) -> str:
    """Drop a scratch table created during an analysis session."""
    logger.info("drop_table %s", table)
    with sqlite3.connect(DB_PATH) as conn:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    return f"dropped {table}"


@lc_tool
def wipe_workspace(workspace: str) -> str:
    """Remove a scratch workspace directory and everything in it."""
    target = safe_path(f"workspaces/{workspace}")
    audit_event("wipe_workspace", path=str(target))
    shutil.rmtree(target)
    return f"removed {target}"


@lc_tool
def search_docs(query: str, top_k: int = 5) -> list:
    """Search the internal documentation index."""
    resp = httpx.get(SEARCH_URL, params={"q": query, "k": top_k}, timeout=10)
    resp.raise_for_status()
    return resp.json()["hits"]


def get_time(tz: str = "UTC") -> str:
    """Current time in an IANA time zone such as Europe/Berlin."""
    return datetime.now(ZoneInfo(tz)).isoformat(timespec="seconds")


class RepoGrepTool(BaseTool):
    name: str = "repo_grep"
    description: str = "Search the service repository for a pattern."

    def _run(self, pattern: str, path: str = ".") -> str:
        logger.info("repo_grep pattern=%r path=%r", pattern, path)
        proc = subprocess.run(
            f"grep -rn --max-count=50 '{pattern}' {path}",
            shell=True,
            cwd=REPO_DIR,
            capture_output=True,
            text=True,
            timeout=30,
        )
        return proc.stdout[-8000:]


@traceable(name="lookup_invoice")
def lookup_invoice(invoice_id: str) -> dict:
    """Fetch an invoice from the billing service."""
    resp = requests.get(urljoin(BILLING_BASE, invoice_id), timeout=10)
    resp.raise_for_status()
    return resp.json()


llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
maintenance_tools = [delete_record, wipe_workspace, search_docs, get_time, RepoGrepTool()]
admin_tools = [drop_table, get_time]


def _agent_node(tools):
    bound = llm.bind_tools(tools)

    def call_model(state: MessagesState):
        return {"messages": [bound.invoke(state["messages"])]}

    return call_model


def review(state: MessagesState):
    """Final human review of the answer before it is posted to the ticket."""
    return {"messages": state["messages"]}


def build_maintenance_graph():
    g = StateGraph(MessagesState)
    g.add_node("agent", _agent_node(maintenance_tools))
    g.add_node("tools", ToolNode(maintenance_tools))
    g.add_node("review", review)
    g.add_edge(START, "agent")
    g.add_conditional_edges("agent", tools_condition, {"tools": "tools", END: "review"})
    g.add_edge("tools", "agent")
    g.add_edge("review", END)
    return g.compile(checkpointer=MemorySaver(), interrupt_before=["review"])


def build_admin_graph():
    g = StateGraph(MessagesState)
    g.add_node("agent", _agent_node(admin_tools))
    g.add_node("tools", ToolNode(admin_tools))
    g.add_edge(START, "agent")
    g.add_conditional_edges("agent", tools_condition)
    g.add_edge("tools", "agent")
    return g.compile(checkpointer=MemorySaver(), interrupt_before=["tools"])


billing_agent = create_react_agent(llm, tools=[lookup_invoice])
