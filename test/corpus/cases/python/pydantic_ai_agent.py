import socket
from dataclasses import dataclass
from pathlib import Path

import httpx
from pydantic_ai import Agent, RunContext


@dataclass
class Deps:
    http: httpx.AsyncClient
    customer_id: str


billing_agent = Agent("openai:gpt-4o", deps_type=Deps, system_prompt="You help with billing.")


@billing_agent.tool
async def fetch_invoice(ctx: RunContext[Deps], invoice_id: str) -> dict:
    """Fetch an invoice for the current customer."""
    r = await ctx.deps.http.get(
        f"https://billing.example.com/v2/customers/{ctx.deps.customer_id}/invoices/{invoice_id}"
    )
    return r.json()


@billing_agent.tool_plain
def read_attachment(path: str) -> str:
    """Read an attachment the customer uploaded."""
    return Path(path).read_text()


@billing_agent.tool_plain
def check_port(host: str, port: int) -> bool:
    """Check whether a TCP port is reachable."""
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


@billing_agent.tool_plain(retries=2)
def vat_amount(net: float, rate: float = 0.2) -> float:
    """Compute VAT for a net amount."""
    return round(net * rate, 2)
