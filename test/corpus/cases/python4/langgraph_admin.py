"""LangGraph admin agent for the events database, with human-in-the-loop deletes."""
import logging
import socket
import sqlite3
import subprocess

from langchain_core.tools import StructuredTool
from langgraph.prebuilt import ToolNode, create_react_agent
from langgraph.types import interrupt

logger = logging.getLogger(__name__)

EVENTS_DB = "/var/lib/events/events.db"


def drop_staging_table(table: str) -> str:
    """Drop a staging table once a human approves."""
    decision = interrupt({"action": "drop_table", "table": table})
    if decision != "approve":
        return "drop rejected by reviewer"
    logger.info("drop_staging_table table=%s", table)
    with sqlite3.connect(EVENTS_DB) as conn:
        conn.execute(f"DROP TABLE IF EXISTS staging_{table}")
    return f"dropped staging_{table}"


def erase_user_events(user_id: str) -> int:
    """Delete every event recorded for a user (GDPR erasure), after approval."""
    decision = interrupt({"action": "erase_user_events", "user_id": user_id})
    if decision != "approve":
        return 0
    logger.info("erase_user_events user_id=%s", user_id)
    with sqlite3.connect(EVENTS_DB) as conn:
        cur = conn.execute("DELETE FROM events WHERE user_id = ?", (user_id,))
        return cur.rowcount


def count_events(event_type: str) -> int:
    """Count stored events of one type."""
    with sqlite3.connect(EVENTS_DB) as conn:
        (n,) = conn.execute(
            "SELECT COUNT(*) FROM events WHERE type = ?", (event_type,)
        ).fetchone()
    return n


def tcp_check(host: str, port: int) -> bool:
    """Check whether a TCP port is reachable."""
    logger.info("tcp_check host=%s port=%s", host, port)
    try:
        with socket.create_connection((host, port), timeout=3):
            return True
    except OSError:
        return False


def disk_free() -> str:
    """Report free space on the events volume."""
    logger.info("disk_free")
    out = subprocess.run(
        ["df", "-h", "/var/lib/events"], capture_output=True, text=True, timeout=10
    )
    return out.stdout.strip()


check_tool = StructuredTool.from_function(
    func=tcp_check, name="tcp_check", description="Check whether host:port accepts TCP."
)

tool_node = ToolNode([drop_staging_table, erase_user_events, count_events, check_tool])


def build_graph(model):
    return create_react_agent(model, tools=[drop_staging_table, erase_user_events,
                                            count_events, check_tool, disk_free])
