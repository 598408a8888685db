"""Wires the tools into the two assistants."""
from agents import Agent, Runner
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

from storefront.agent.catalog_tools import (
    CancelReservationTool,
    lookup_order,
    preview_link,
    query_supplier_api,
    search_customers,
    track_shipment,
)
from storefront.agent.ops_tools import (
    charge_saved_card,
    email_customer,
    git_show,
    refund_customer,
    run_make_target,
)

SUPPORT_PROMPT = "You help the support team answer questions about orders and stock."


def build_support_graph():
    llm = ChatOpenAI(model="gpt-4.1-mini", temperature=0)
    return create_react_agent(
        llm,
        tools=[
            lookup_order,
            search_customers,
            query_supplier_api,
            track_shipment,
            preview_link,
            CancelReservationTool(),
        ],
        prompt=SUPPORT_PROMPT,
    )


backoffice_agent = Agent(
    name="Back-office",
    instructions="You handle refunds, charges, customer e-mail and routine maintenance.",
    tools=[refund_customer, charge_saved_card, email_customer, run_make_target, git_show],
)


async def run_backoffice(prompt: str) -> str:
    result = await Runner.run(backoffice_agent, prompt)
    return result.final_output
