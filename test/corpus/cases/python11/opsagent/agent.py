"""Agent assembly: services are constructed with their dependencies and bound
into the tool registry, then handed to a LangGraph ReAct agent."""

from __future__ import annotations

import uuid

from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import MemorySaver
from langgraph.prebuilt import create_react_agent

from opsagent.container import get_container
from opsagent.logging_utils import get_logger, run_id_var
from opsagent.registry import ToolRegistry
from opsagent.tools import devops, warehouse, web  # noqa: F401  (import registers module-level tools)
from opsagent.tools.billing import BillingService, CustomerMessagingService
from opsagent.tools.devops import DiagnosticsService, ExpressionTool
from opsagent.tools.web import WebResearchService
from opsagent.tools.workspace import WorkspaceService

logger = get_logger(__name__)

SYSTEM_PROMPT = """You are Acme's operations assistant. You help on-call engineers and
support staff investigate incidents, look up customers and take routine actions.
Prefer read-only tools. Explain what you are about to do before any destructive action."""


def build_registry() -> ToolRegistry:
    c = get_container()
    registry = ToolRegistry.from_module_tools()
    registry.bind_service(WebResearchService(c.http, c.settings))
    registry.bind_service(WorkspaceService(c.settings, c.approvals))
    registry.bind_service(DiagnosticsService(c.settings))
    registry.bind_service(BillingService(c.stripe, c.approvals, c.settings))
    registry.bind_service(CustomerMessagingService(c.mailer, c.approvals))
    registry.add(ExpressionTool())
    logger.info("registered tools: %s", ", ".join(registry.names()))
    return registry


def build_agent(model_name: str = "gpt-4.1"):
    registry = build_registry()
    model = ChatOpenAI(model=model_name, temperature=0)
    return create_react_agent(model, tools=registry.tools(), prompt=SYSTEM_PROMPT, checkpointer=MemorySaver())


async def run_once(question: str, thread_id: str | None = None) -> str:
    run_id_var.set(uuid.uuid4().hex)
    agent = build_agent()
    config = {"configurable": {"thread_id": thread_id or uuid.uuid4().hex}, "recursion_limit": 40}
    result = await agent.ainvoke({"messages": [("user", question)]}, config=config)
    return result["messages"][-1].content
