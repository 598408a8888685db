"""LlamaIndex agent over the shop's SQLite warehouse."""
import logging
import re
import sqlite3

from llama_index.core.agent import ReActAgent
from llama_index.core.tools import FunctionTool

logger = logging.getLogger(__name__)

DB_PATH = "/var/lib/shop/warehouse.db"
READABLE_TABLES = {"orders", "products", "order_items"}
_TABLE_REF = re.compile(r"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


def _readonly_conn() -> sqlite3.Connection:
    return sqlite3.connect(f"file:{DB_PATH}?mode=ro", uri=True)


def _require_allowed_tables(sql: str) -> None:
    tables = {name.lower() for name in _TABLE_REF.findall(sql)}
    if not tables or not tables <= READABLE_TABLES:
        raise ValueError(f"query touches tables outside the allowlist: {sorted(tables)}")


def orders_for_customer(customer_id: int) -> list[tuple]:
    """Return the ten most recent orders of a customer."""
    logger.info("orders_for_customer customer_id=%s", customer_id)
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute(
            "SELECT id, placed_at, total FROM orders WHERE customer_id = ? "
            "ORDER BY placed_at DESC LIMIT 10",
            (customer_id,),
        ).fetchall()


def run_report_query(sql: str) -> list[tuple]:
    """Run an analyst's SELECT statement against a read-only connection."""
    if not sql.lstrip().upper().startswith("SELECT"):
        raise ValueError("only SELECT statements are allowed")
    logger.info("run_report_query sql=%s", sql)
    conn = _readonly_conn()
    try:
        return conn.execute(sql).fetchmany(200)
    finally:
        conn.close()


def run_catalog_query(sql: str) -> list[tuple]:
    """Run a read-only query restricted to the catalogue tables."""
    _require_allowed_tables(sql)
    logger.info("run_catalog_query sql=%s", sql)
    conn = _readonly_conn()
    try:
        return conn.execute(sql).fetchmany(200)
    finally:
        conn.close()


def search_products(term: str) -> list[tuple]:
    """Find products whose name contains the search term."""
    with sqlite3.connect(DB_PATH) as conn:
        return conn.execute(
            f"SELECT sku, name, price FROM products WHERE name LIKE '%{term}%' LIMIT 25"
        ).fetchall()


def forget_customer_notes(customer_id: int) -> int:
    """Erase the free-text notes kept about a customer."""
    logger.info("forget_customer_notes customer_id=%s", customer_id)
    with sqlite3.connect(DB_PATH) as conn:
        cur = conn.execute("DELETE FROM customer_notes WHERE customer_id = ?", (customer_id,))
        return cur.rowcount


tools = [
    FunctionTool.from_defaults(fn=orders_for_customer),
    FunctionTool.from_defaults(fn=run_report_query),
    FunctionTool.from_defaults(fn=run_catalog_query, name="catalog_query"),
    FunctionTool.from_defaults(fn=search_products),
    FunctionTool.from_defaults(fn=forget_customer_notes),
]


def build_agent(llm) -> ReActAgent:
    return ReActAgent.from_tools(tools, llm=llm, verbose=False)
