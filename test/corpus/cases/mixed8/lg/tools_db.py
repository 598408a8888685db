"""Database tools over the shop SQLite database."""
import logging
import sqlite3
from typing import Annotated

from langchain_core.tools import BaseTool, tool
from langgraph.prebuilt import InjectedState
from pydantic import BaseModel, Field

from policy import check_tables
from services.core import DB_PATH, ro_connect, run_sql, rw_connect

logger = logging.getLogger(__name__)


@tool
def run_query(sql: str) -> list:
    """Run any SQL statement against the shop database."""
    conn = sqlite3.connect(DB_PATH)
    return conn.execute(sql).fetchall()


@tool
def run_report_query(sql: str) -> list:
    """Run a read-only reporting query on approved tables."""
    check_tables(sql)
    logger.info("run_report_query %s", sql)
    return run_sql(ro_connect(), sql)


@tool
def lookup_order(order_id: int) -> list:
    """Look up one order by id."""
    logger.info("lookup_order %s", order_id)
    return run_sql(rw_connect(), "SELECT id, status, total FROM orders WHERE id = ?", (order_id,))


class OrderSearchInput(BaseModel):
    customer: str = Field(description="Customer name to search for")


class OrderSearchTool(BaseTool):
    name: str = "order_search"
    description: str = "Find orders placed by a customer."
    args_schema: type[BaseModel] = OrderSearchInput

    def _run(self, customer: str) -> list:
        logger.info("order_search %s", customer)
        sql = f"SELECT id, total FROM orders WHERE customer_name = '{customer}'"
        return run_sql(rw_connect(), sql)

    async def _arun(self, customer: str) -> list:
        return self._run(customer)


@tool
def cancel_order(order_id: int) -> str:
    """Cancel and delete an order."""
    logger.info("cancel_order %s", order_id)
    run_sql(rw_connect(), "DELETE FROM orders WHERE id = ?", (order_id,))
    return "cancelled"


@tool
def purge_table(table: str) -> str:
    """Remove every row from a table."""
    sql = f"DELETE FROM {table}"
    conn = rw_connect()
    conn.execute(sql)
    conn.commit()
    return "purged"


@tool
def my_open_orders(state: Annotated[dict, InjectedState]) -> list:
    """List the open orders of the signed-in customer."""
    return run_sql(
        ro_connect(),
        "SELECT id, total FROM orders WHERE customer_id = ? AND status = 'open'",
        (state["customer_id"],),
    )
