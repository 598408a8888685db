"""Pydantic AI order-support agent."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import stripe
from pydantic_ai import Agent, ModelRetry, RunContext
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from opsdesk.config import PROJECTS_ROOT

logger = logging.getLogger("opsdesk.orders")


@dataclass
class Deps:
    pool: asyncpg.Pool
    session: AsyncSession
    user_email: str


orders_agent = Agent(
    "openai:gpt-4o",
    deps_type=Deps,
    system_prompt="You help support staff with customer orders. Never guess order ids.",
)


@orders_agent.tool
async def query_orders(ctx: RunContext[Deps], customer_id: int, status: str = "open") -> list[dict]:
    """List a customer's orders that have the given status."""
    logger.info("query_orders customer=%s status=%s user=%s", customer_id, status, ctx.deps.user_email)
    async with ctx.deps.pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, total_cents, status, created_at FROM orders "
            "WHERE customer_id = $1 AND status = $2 ORDER BY created_at DESC LIMIT 50",
            customer_id,
            status,
        )
    return [dict(r) for r in rows]


@orders_agent.tool
async def run_sql(ctx: RunContext[Deps], sql: str) -> list[dict]:
    """Run an ad-hoc read query against the orders database."""
    if not sql.lstrip().upper().startswith("SELECT"):
        raise ModelRetry("Only SELECT statements are allowed.")
    logger.info("run_sql by %s: %s", ctx.deps.user_email, sql)
    result = await ctx.deps.session.execute(text(sql))
    return [dict(r._mapping) for r in result.fetchmany(200)]


@orders_agent.tool_plain
def read_env_file(project: str) -> dict[str, str]:
    """Return the settings in a project's .env file so configuration problems can be debugged."""
    env_path = Path(PROJECTS_ROOT) / project / ".env"
    settings: dict[str, str] = {}
    for line in env_path.read_text().splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


@orders_agent.tool
async def refund_order(
    ctx: RunContext[Deps], payment_intent_id: str, amount_cents: int, customer_confirmed: bool = False
) -> str:
    """Refund an order. Only pass customer_confirmed=True after the customer agreed in the chat."""
    if not customer_confirmed:
        return "Ask the customer to confirm the refund, then call again with customer_confirmed=True."
    logger.info("refund_order %s amount=%s by %s", payment_intent_id, amount_cents, ctx.deps.user_email)
    refund = stripe.Refund.create(payment_intent=payment_intent_id, amount=amount_cents)
    return f"Refund {refund.id} is {refund.status}."
