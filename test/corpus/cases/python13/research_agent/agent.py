"""Wires the tools into the agents."""
from __future__ import annotations

import requests
from agents import Agent as OpenAIAgent
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

from . import db_tools, file_tools, legacy_tools, shell_tools, web_tools
from .ops_toolkit import OpsToolkit


def ticket_status(ticket_id: str) -> str:
    """Return the status of a support ticket."""
    resp = requests.get(f"https://tickets.example.com/api/v2/tickets/{ticket_id}", timeout=10)
    resp.raise_for_status()
    data = resp.json()
    return f"{data['id']}: {data['status']} (assignee: {data.get('assignee') or 'none'})"


llm = ChatOpenAI(model="gpt-4o", temperature=0)

research_graph = create_react_agent(
    llm,
    tools=[
        web_tools.partner_catalog,
        web_tools.wiki_summary,
        web_tools.mirror_fetch,
        web_tools.status_batch,
        file_tools.read_note,
        file_tools.fetch_upload,
        file_tools.append_journal,
        file_tools.purge_cache,
        db_tools.search_products,
        db_tools.orders_by_status,
        db_tools.readonly_query,
        db_tools.delete_order,
        db_tools.analytics_query,
        db_tools.top_customers,
        db_tools.forget_customer,
        legacy_tools.disk_usage,
        ticket_status,
        *legacy_tools.LEGACY_TOOLS,
        *OpsToolkit().get_tools(),
    ],
)

workstation_agent = OpenAIAgent(
    name="workstation",
    instructions="You help the analyst with their sandbox machine. Prefer run_program over run_shell.",
    tools=[
        web_tools.fetch_page,
        web_tools.fetch_reference,
        shell_tools.run_shell,
        shell_tools.grep_notes,
        shell_tools.run_program,
        shell_tools.run_cli,
        shell_tools.calculate,
    ],
)
