import logging
import sqlite3

from langgraph.prebuilt import ToolNode, create_react_agent
from langgraph.types import interrupt
from langchain_openai import ChatOpenAI

logger = logging.getLogger(__name__)
DB_PATH = "/var/lib/crm/crm.db"


def _conn():
    return sqlite3.connect(DB_PATH)


def run_query(sql: str) -> list:
    """Run a read query against the CRM database."""
    if not sql.strip().upper().startswith("SELECT"):
        raise ValueError("only SELECT statements are allowed")
    cur = _conn().cursor()
    cur.execute(sql)
    return cur.fetchall()


def lookup_customer(customer_id: int) -> dict:
    """Fetch one customer by id."""
    logger.info("lookup customer %s", customer_id)
    cur = _conn().cursor()
    cur.execute("SELECT id, name, email FROM customers WHERE id = ?", (customer_id,))
    row = cur.fetchone()
    return dict(zip(["id", "name", "email"], row)) if row else {}


def delete_customer(customer_id: int) -> str:
    """Delete a customer record after human review."""
    decision = interrupt({"action": "delete_customer", "customer_id": customer_id})
    if decision != "approve":
        return "cancelled"
    conn = _conn()
    conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,))
    conn.commit()
    logger.warning("deleted customer %s", customer_id)
    return "deleted"


def purge_old_orders(days: int) -> int:
    """Remove orders older than the given number of days."""
    conn = _conn()
    cur = conn.execute("DELETE FROM orders WHERE created_at < date('now', ?)", (f"-{int(days)} days",))
    conn.commit()
    return cur.rowcount


tool_node = ToolNode([run_query, lookup_customer])
agent = create_react_agent(ChatOpenAI(model="gpt-4o"), tools=[delete_customer, purge_old_orders])
