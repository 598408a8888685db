"""Service layer shared by the web views, the tasks and the support agent."""
import stripe

from storefront import db, settings
from storefront.models import Customer, Order
from storefront.utils.mail import send_mail

stripe.api_key = settings.STRIPE_API_KEY


class ServiceError(Exception):
    pass


def get_order_summary(order_id):
    order = Order.get(order_id)
    if order is None:
        raise ServiceError(f"order {order_id} not found")
    items = db.fetch_all(
        "SELECT sku, quantity, unit_price_cents FROM order_items WHERE order_id = ?",
        (order_id,),
    )
    return {
        "id": order.id,
        "status": order.status,
        "total_cents": order.total_cents,
        "items": items,
    }


def refund_order(order_id, amount_cents=None):
    order = Order.get(order_id)
    if order is None or not order.payment_intent_id:
        raise ServiceError(f"order {order_id} has no payment to refund")
    refund = stripe.Refund.create(
        payment_intent=order.payment_intent_id,
        amount=amount_cents,
    )
    order.mark("refunded")
    return refund.id


def charge_customer(customer_id, amount_cents, description):
    customer = Customer.get(customer_id)
    if customer is None or not customer.stripe_customer_id:
        raise ServiceError(f"customer {customer_id} has no saved card")
    intent = stripe.PaymentIntent.create(
        customer=customer.stripe_customer_id,
        amount=amount_cents,
        currency="usd",
        confirm=True,
        off_session=True,
        description=description,
    )
    return intent.id


def notify_customer(order_id, subject, body):
    order = Order.get(order_id)
    if order is None:
        raise ServiceError(f"order {order_id} not found")
    customer = Customer.get(order.customer_id)
    send_mail(customer.email, subject, body)
    return customer.email
