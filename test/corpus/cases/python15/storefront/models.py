"""Domain models backed by hand-written SQL."""
from dataclasses import dataclass
from typing import Optional

from storefront import db


@dataclass
class Customer:
    id: int
    email: str
    name: str
    stripe_customer_id: Optional[str] = None

    @classmethod
    def get(cls, customer_id):
        row = db.fetch_one(
            "SELECT id, email, name, stripe_customer_id FROM customers WHERE id = ?",
            (customer_id,),
        )
        return cls(**row) if row else None

    @classmethod
    def search(cls, term, limit=25):
        # Legacy search used by the back-office UI; LIKE with both columns.
        sql = (
            "SELECT id, email, name, stripe_customer_id FROM customers "
            f"WHERE name LIKE '%{term}%' OR email LIKE '%{term}%' "
            f"ORDER BY name LIMIT {int(limit)}"
        )
        return [cls(**row) for row in db.fetch_all(sql)]


@dataclass
class Order:
    id: int
    customer_id: int
    status: str
    total_cents: int
    payment_intent_id: Optional[str] = None

    @classmethod
    def get(cls, order_id):
        row = db.fetch_one(
            "SELECT id, customer_id, status, total_cents, payment_intent_id "
            "FROM orders WHERE id = ?",
            (order_id,),
        )
        return cls(**row) if row else None

    @classmethod
    def filter(cls, where="1=1", order_by="id DESC"):
        sql = (
            "SELECT id, customer_id, status, total_cents, payment_intent_id "
            f"FROM orders WHERE {where} ORDER BY {order_by}"
        )
        return [cls(**row) for row in db.fetch_all(sql)]

    def mark(self, status):
        db.execute("UPDATE orders SET status = ? WHERE id = ?", (status, self.id))
        self.status = status
