"""Database tools for the opsbot LangChain agent."""
from __future__ import annotations

import logging
import os
import re

import duckdb
import psycopg
import pymysql
from langchain_core.tools import tool

logger = logging.getLogger("opsbot.data")

CRM_DSN = os.environ.get("CRM_DATABASE_URL", "postgresql://opsbot@crm-db.internal/crm")
REPORTING_DSN = os.environ.get("REPORTING_DATABASE_URL", "postgresql://opsbot_ro@reporting-db.internal/reporting")
ANALYTICS_DB = "/srv/opsbot/analytics.duckdb"
REPORTING_TABLES = frozenset({"daily_signups", "weekly_revenue", "churn_by_plan"})
_TABLE_REF = re.compile(r"\b(?:from|join)\s+([A-Za-z_][A-Za-z0-9_.]*)", re.IGNORECASE)


def _mysql():
    return pymysql.connect(
        host="orders-db.internal",
        user="opsbot",
        password=os.environ["ORDERS_DB_PASSWORD"],
        database="orders",
    )


@tool
def search_customers(name_fragment: str, limit: int = 20) -> list[tuple]:
    """Find customers whose name contains the given text."""
    logger.info("search_customers fragment=%s", name_fragment)
    conn = _mysql()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT id, name, email FROM customers "
                f"WHERE name LIKE '%{name_fragment}%' LIMIT {int(limit)}"
            )
            return list(cur.fetchall())
    finally:
        conn.close()


@tool
def plan_churn(plan: str, weeks: int = 12) -> list[tuple]:
    """Weekly churn for one subscription plan from the analytics warehouse."""
    logger.info("plan_churn plan=%s weeks=%s", plan, weeks)
    con = duckdb.connect(ANALYTICS_DB, read_only=True)
    try:
        return con.execute(
            "SELECT week, churned, active FROM churn_by_plan WHERE plan = ? ORDER BY week DESC LIMIT ?",
            [plan, weeks],
        ).fetchall()
    finally:
        con.close()


@tool
def run_reporting_query(sql: str) -> list[tuple]:
    """Run a read-only SQL query over the reporting tables daily_signups, weekly_revenue and churn_by_plan."""
    tables = {t.lower() for t in _TABLE_REF.findall(sql)}
    if not tables or not tables <= REPORTING_TABLES:
        raise ValueError(f"query may only read {sorted(REPORTING_TABLES)}")
    logger.info("run_reporting_query tables=%s", sorted(tables))
    with psycopg.connect(REPORTING_DSN) as conn:
        conn.read_only = True
        with conn.cursor() as cur:
            cur.execute(sql)
            return cur.fetchall()


@tool
def ad_hoc_report(sql: str) -> list[tuple]:
    """Run an ad-hoc SELECT against the CRM database for a quick report."""
    if not sql.lstrip().upper().startswith("SELECT"):
        raise ValueError("only SELECT statements are allowed")
    with psycopg.connect(CRM_DSN) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


@tool
def expire_sessions(user_id: int) -> str:
    """Log a user out everywhere by deleting all of their sessions."""
    logger.info("expire_sessions user_id=%s", user_id)
    with psycopg.connect(CRM_DSN) as conn, conn.cursor() as cur:
        cur.execute("DELETE FROM sessions WHERE user_id = %s", (user_id,))
        return f"deleted {cur.rowcount} sessions"


def vacuum_reporting(table: str) -> None:
    """DBA maintenance entry point, invoked manually."""
    with psycopg.connect(CRM_DSN, autocommit=True) as conn:
        conn.execute(f"VACUUM ANALYZE {table}")
        conn.execute(f"DELETE FROM {table} WHERE created_at < now() - interval '2 years'")


DATA_TOOLS = [search_customers, plan_churn, run_reporting_query, ad_hoc_report, expire_sessions]
