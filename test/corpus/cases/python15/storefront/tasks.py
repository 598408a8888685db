"""Celery background jobs."""
import csv
import os
import shutil
from datetime import datetime

from celery import shared_task

from storefront import db, settings
from storefront.models import Customer, Order
from storefront.utils import net
from storefront.utils.mail import send_mail


def purge_export_dir():
    """Remove every generated export and recreate the empty directory."""
    if os.path.isdir(settings.EXPORT_DIR):
        shutil.rmtree(settings.EXPORT_DIR)
    os.makedirs(settings.EXPORT_DIR, exist_ok=True)


@shared_task
def cleanup_exports():
    purge_export_dir()


@shared_task(bind=True, max_retries=3)
def send_order_receipt(self, order_id):
    order = Order.get(order_id)
    customer = Customer.get(order.customer_id)
    send_mail(customer.email, f"Your order #{order.id}", f"Total: ${order.total_cents / 100:.2f}")


@shared_task
def sync_inventory():
    stock = net.fetch_partner("/v1/stock?updated_since=24h")
    for row in stock["items"]:
        db.execute("UPDATE inventory SET qty = ? WHERE sku = ?", (row["qty"], row["sku"]))


@shared_task
def export_orders(where_clause, filename):
    path = os.path.join(settings.EXPORT_DIR, filename)
    rows = db.fetch_all(f"SELECT * FROM orders WHERE {where_clause}")
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=rows[0].keys() if rows else ["id"])
        writer.writeheader()
        writer.writerows(rows)
    return path


@shared_task
def notify_partner(callback_url, payload):
    net.post_json(callback_url, {**payload, "sent_at": datetime.utcnow().isoformat()})


@shared_task
def purge_abandoned_carts(days=30):
    db.execute(f"DELETE FROM carts WHERE updated_at < date('now', '-{int(days)} days')")
