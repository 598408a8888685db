"""Order tools shared by an AutoGen assistant and a LlamaIndex agent."""
import os

import structlog
from autogen_core.tools import FunctionTool
from celery import shared_task
from llama_index.core.tools import FunctionTool as LIFunctionTool
from sqlalchemy import create_engine, text

logger = structlog.get_logger()
engine = create_engine("postgresql+psycopg://app@db/orders")

SORT_COLUMNS = {"date": "created_at", "total": "total_cents", "status": "status"}
SORT_DIRECTIONS = {"asc": "ASC", "desc": "DESC"}
PUBLIC_SETTINGS = {"APP_REGION", "APP_TIMEZONE", "APP_CURRENCY"}
EXPORT_DIR = "/srv/orders/exports"


def get_order(order_id: str) -> str:
    """Return one order by id."""
    logger.info("get_order", order_id=order_id)
    stmt = text("SELECT id, status, total_cents FROM orders WHERE id = :oid").bindparams(oid=order_id)
    with engine.connect() as conn:
        row = conn.execute(stmt).first()
    return str(row)


def list_orders_sorted(column: str, direction: str = "desc") -> str:
    """List recent orders sorted by one of: date, total, status."""
    if column not in SORT_COLUMNS or direction not in SORT_DIRECTIONS:
        return "unsupported sort"
    order_col = SORT_COLUMNS[column]
    order_dir = SORT_DIRECTIONS[direction]
    logger.info("list_orders_sorted", column=order_col, direction=order_dir)
    sql = f"SELECT id, status FROM orders ORDER BY {order_col} {order_dir} LIMIT 50"
    with engine.connect() as conn:
        rows = conn.execute(text(sql)).all()
    return "\n".join(str(r) for r in rows)


get_order_tool = FunctionTool(get_order, description="Look up an order by id.")
list_orders_tool = FunctionTool(list_orders_sorted, description="List orders sorted by a column.")


def read_setting(key: str) -> str:
    """Read a public application setting such as APP_REGION."""
    if key not in PUBLIC_SETTINGS:
        return f"unknown setting {key}"
    logger.info("read_setting", key=key)
    return os.environ.get(key, "")


def delete_export(name: str) -> str:
    """Delete an order export file by name."""
    target = os.path.join(EXPORT_DIR, os.path.basename(name))
    logger.info("delete_export", target=target)
    os.remove(target)
    return f"deleted {os.path.basename(name)}"


read_setting_tool = LIFunctionTool.from_defaults(fn=read_setting)
delete_export_tool = LIFunctionTool.from_defaults(fn=delete_export)


@shared_task
def nightly_purge(table: str) -> None:
    """Celery housekeeping task; the table name comes from the beat schedule."""
    with engine.begin() as conn:
        conn.execute(text(f"DELETE FROM {table} WHERE created_at < now() - interval '90 days'"))
