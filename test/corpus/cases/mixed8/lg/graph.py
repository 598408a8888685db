"""Graphs and agents wiring the tools together."""
from typing import Annotated, TypedDict

from langchain.agents import create_agent
from langchain.agents.middleware import HumanInTheLoopMiddleware
from langchain_core.messages import AnyMessage, SystemMessage
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import MemorySaver
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode, create_react_agent, tools_condition

from tools_db import (OrderSearchTool, cancel_order, lookup_order, my_open_orders, purge_table,
                      run_query, run_report_query)
from tools_files import (PurgeArchiveTool, delete_upload, list_folder, read_dotenv, read_file,
                         read_user_profile, read_workspace_file)
from tools_ops import (RestartServiceTool, calculate, delete_export, get_setting, get_weather, git_log,
                       read_aws_credentials, refund_payment, run_maintenance, run_shell, send_email,
                       send_invoice_email, transfer_funds)
from tools_web import (FetchPageTool, fetch_partner_page, fetch_report, fetch_url, lookup_ticket,
                       ping_host, post_webhook, retrieve_docs, search_kb)

model = ChatOpenAI(model="gpt-4o-mini", temperature=0)


class AgentState(TypedDict):
    messages: Annotated[list[AnyMessage], add_messages]
    thread_id: str
    customer_id: int


OPS_TOOLS = [run_shell, git_log, run_maintenance, PurgeArchiveTool(), delete_export,
             RestartServiceTool(), read_dotenv, get_setting, read_aws_credentials, calculate]

RESEARCH_TOOLS = [fetch_url, fetch_partner_page, search_kb, retrieve_docs, FetchPageTool(),
                  post_webhook, fetch_report, ping_host, read_file, read_workspace_file,
                  list_folder, read_user_profile, run_query, run_report_query, OrderSearchTool()]


def make_call_model(tools, prompt: str):
    bound = model.bind_tools(tools)

    def call_model(state: AgentState) -> dict:
        messages = [SystemMessage(content=prompt), *state["messages"]]
        return {"messages": [bound.invoke(messages)]}

    return call_model


def build_graph(tools, prompt: str) -> StateGraph:
    builder = StateGraph(AgentState)
    builder.add_node("agent", make_call_model(tools, prompt))
    builder.add_node("tools", ToolNode(tools))
    builder.add_edge(START, "agent")
    builder.add_conditional_edges("agent", tools_condition, {"tools": "tools", END: END})
    builder.add_edge("tools", "agent")
    return builder


# Every ops tool call pauses for an operator before it runs.
ops_graph = build_graph(OPS_TOOLS, "You are the ops assistant.").compile(
    checkpointer=MemorySaver(), interrupt_before=["tools"]
)

# Research tools run without a pause.
research_graph = build_graph(RESEARCH_TOOLS, "You are the research assistant.").compile(
    checkpointer=MemorySaver()
)

support_agent = create_react_agent(
    model,
    tools=[lookup_ticket, get_weather, lookup_order, my_open_orders, delete_upload, purge_table, send_email],
)

billing_agent = create_agent(
    model,
    tools=[cancel_order, refund_payment, transfer_funds, send_invoice_email],
    middleware=[HumanInTheLoopMiddleware(interrupt_on={"cancel_order": True, "refund_payment": True})],
    checkpointer=MemorySaver(),
)

GRAPHS = {"ops": ops_graph, "research": research_graph, "support": support_agent, "billing": billing_agent}
