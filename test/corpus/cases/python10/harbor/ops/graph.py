"""LangGraph ticket-triage workflow with human review of outgoing messages."""
from __future__ import annotations

import json
import logging
import os
from typing import Annotated, TypedDict

import boto3
from langchain_core.messages import AnyMessage
from langchain_core.tools import tool
from langgraph.checkpoint.memory import MemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode, tools_condition
from langgraph.types import interrupt

from ..audit import audit_event
from ..httpclient import TICKETS_HOST, HttpClient
from ..notify import post_slack
from ..settings import settings

logger = logging.getLogger("harbor.triage")

TICKETS = HttpClient(
    settings.tickets_url,
    token=os.environ.get("TICKETS_TOKEN"),
    allowed_hosts={TICKETS_HOST},
)
HOOKS = HttpClient("", allowed_hosts=settings.webhook_hosts or None)

try:
    s3 = boto3.client("s3")
except Exception:  # no AWS config in unit tests
    s3 = None


class TriageState(TypedDict):
    messages: Annotated[list[AnyMessage], add_messages]
    ticket_id: str


@tool
def post_to_slack(channel: str, text: str) -> str:
    """Post a message to a Slack channel (a reviewer approves it first)."""
    decision = interrupt({"kind": "slack_message", "channel": channel, "text": text})
    if not isinstance(decision, dict) or not decision.get("approved"):
        return "message rejected by reviewer"
    ts = post_slack(channel, decision.get("text", text))
    audit_event("post_to_slack", "post", channel=channel, ts=ts)
    return f"posted ({ts})"


@tool
def update_ticket(ticket_id: str, status: str, note: str = "") -> dict:
    """Change the status of a support ticket and add an internal note."""
    resp = TICKETS.request("PATCH", f"tickets/{ticket_id}", json={"status": status, "internal_note": note})
    return resp.json()


@tool
def trigger_webhook(url: str, event: str, payload_json: str = "{}") -> int:
    """Trigger a customer's configured integration webhook with an event."""
    body = {"event": event, "data": json.loads(payload_json)}
    resp = HOOKS.request("POST", url, json=body)
    return resp.status_code


@tool
def delete_attachment(ticket_id: str, key: str) -> str:
    """Delete an attachment (e.g. one containing personal data) from a ticket."""
    s3.delete_object(Bucket=settings.attachments_bucket, Key=f"{ticket_id}/{key}")
    logger.info("deleted attachment %s/%s", ticket_id, key)
    return "deleted"


TRIAGE_TOOLS = [post_to_slack, update_ticket, trigger_webhook, delete_attachment]


def build_graph(llm):
    model = llm.bind_tools(TRIAGE_TOOLS)

    def agent(state: TriageState) -> dict:
        return {"messages": [model.invoke(state["messages"])]}

    graph = StateGraph(TriageState)
    graph.add_node("agent", agent)
    graph.add_node("tools", ToolNode(TRIAGE_TOOLS))
    graph.add_edge(START, "agent")
    graph.add_conditional_edges("agent", tools_condition)
    graph.add_edge("tools", "agent")
    graph.add_edge("agent", END)
    return graph.compile(checkpointer=MemorySaver())
