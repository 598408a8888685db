"""Shared helpers for the support and billing agents: orders DB, Stripe, audit trail."""
from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from contextlib import closing

import stripe

DB_PATH = os.environ.get("SHOP_DB", "shop.db")
stripe.api_key = os.environ["STRIPE_SECRET_KEY"]

_audit = logging.getLogger("shop.audit")


def get_conn() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def lookup_order(order_id: str) -> dict | None:
    with closing(get_conn()) as conn:
        row = conn.execute(
            "SELECT id, customer_id, charge_id, amount_cents, status FROM orders WHERE id = ?",
            (order_id,),
        ).fetchone()
    return dict(row) if row else None


def issue_refund(charge_id: str, amount_cents: int, reason: str = "requested_by_customer") -> str:
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents, reason=reason)
    return refund.id


def audit_event(action: str, **fields) -> None:
    """Append one structured line to the audit log (shipped to the SIEM)."""
    _audit.info(json.dumps({"ts": time.time(), "action": action, **fields}, default=str))


def reset_database(script_path: str) -> None:
    """Admin helper used by the CLI only: rebuild the schema from a SQL script."""
    with closing(get_conn()) as conn, open(script_path, encoding="utf-8") as fh:
        conn.executescript(fh.read())
