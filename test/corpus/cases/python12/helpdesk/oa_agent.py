"""Wires the support agent together from tools declared across modules."""

from __future__ import annotations

import asyncio
import os
import sys

import aiohttp
import httpx
from agents import Agent, Runner, function_tool

from .common import get_json, logger
from .oa_factories import build_billing_tools, make_fetch_tool, make_search_tool
from .oa_handlers import HANDLER_TOOLS
from .repo_tools import REPO_TOOLS

SHOP_API = "https://shop.example.com/api/"


def get_order_status(order_id: str) -> dict:
    """Look up the fulfilment status of an order."""
    return get_json(f"https://shop.example.com/api/orders/{order_id}")


def place_order(sku: str, quantity: int, customer_id: str) -> str:
    """Place a replacement order for a customer."""
    logger.info("place_order sku=%s qty=%d customer=%s", sku, quantity, customer_id)
    resp = httpx.post(
        f"{SHOP_API}orders",
        json={"sku": sku, "quantity": quantity, "customer": customer_id, "charge": True},
        timeout=15,
    )
    resp.raise_for_status()
    return resp.json()["order_id"]


ORDER_FUNCTIONS = (get_order_status, place_order)


def build_agent(http: httpx.Client, session: aiohttp.ClientSession, stripe_key: str) -> Agent:
    return Agent(
        name="Support",
        instructions="Help customers with orders, billing and documentation questions.",
        tools=[function_tool(fn) for fn in ORDER_FUNCTIONS]
        + HANDLER_TOOLS
        + REPO_TOOLS
        + build_billing_tools(stripe_key)
        + [make_search_tool(http), make_fetch_tool(session)],
    )


def _debug_fetch(url: str) -> None:
    """Developer helper to eyeball an upstream response.  Never exposed to the agent."""
    print(httpx.get(url, follow_redirects=True).text[:2000])


async def _main(prompt: str, stripe_key: str) -> None:
    with httpx.Client(timeout=20) as http:
        async with aiohttp.ClientSession() as session:
            agent = build_agent(http, session, stripe_key)
            result = await Runner.run(agent, prompt)
            print(result.final_output)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "debug-fetch":
        _debug_fetch(sys.argv[2])
    elif len(sys.argv) > 2 and sys.argv[1] == "debug-order":
        print(get_json(sys.argv[2]))
    else:
        asyncio.run(_main(" ".join(sys.argv[1:]), stripe_key=os.environ["STRIPE_SECRET_KEY"]))
