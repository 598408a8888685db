import logging

import keyring
from llama_index.core.tools import FunctionTool
from llama_index.core.agent import ReActAgent
from sqlalchemy import create_engine, text

engine = create_engine("postgresql+psycopg://analytics@db.internal/sales")
logger = logging.getLogger(__name__)


def query_sales(region: str) -> list:
    """Total sales for a region."""
    stmt = text(f"SELECT sum(amount) FROM sales WHERE region = '{region}'")
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt)]


def top_products(limit: int = 10) -> list:
    """Best selling products."""
    logger.debug("top_products limit=%d", limit)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT sku, sum(qty) AS n FROM order_lines GROUP BY sku ORDER BY n DESC LIMIT :n"),
            {"n": limit},
        )
        return [tuple(r) for r in rows]


def get_config_value(key: str) -> str:
    """Look up a stored configuration value."""
    return keyring.get_password("sales-agent", key) or ""


def format_currency(amount: float, code: str = "USD") -> str:
    """Format a number as currency."""
    return f"{amount:,.2f} {code}"


tools = [
    FunctionTool.from_defaults(fn=query_sales),
    FunctionTool.from_defaults(fn=top_products),
    FunctionTool.from_defaults(fn=get_config_value, name="config"),
    FunctionTool.from_defaults(fn=format_currency),
]
agent = ReActAgent.from_tools(tools, verbose=True)
