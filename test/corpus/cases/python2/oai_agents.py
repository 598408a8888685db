import logging
import os
import smtplib
from email.message import EmailMessage

import stripe
from agents import Agent, function_tool

logger = logging.getLogger("billing")
stripe.api_key = os.environ["STRIPE_API_KEY"]


@function_tool(needs_approval=True)
def refund_charge(charge_id: str, amount_cents: int) -> str:
    """Refund a charge."""
    r = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return r.id


@function_tool
def charge_customer(customer_id: str, amount_cents: int) -> str:
    """Charge a customer."""
    logger.info("charge %s %s", customer_id, amount_cents)
    pi = stripe.PaymentIntent.create(customer=customer_id, amount=amount_cents, currency="usd", confirm=True)
    return pi.status


@function_tool
def send_email(smtp_host: str, to: str, subject: str, body: str) -> str:
    """Send an email via the given relay."""
    logger.info("email to %s via %s", to, smtp_host)
    msg = EmailMessage()
    msg["To"] = to
    msg["From"] = "agent@example.com"
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(smtp_host, 587) as s:
        s.send_message(msg)
    return "sent"


@function_tool
def read_config_var(name: str) -> str:
    """Read a configuration variable."""
    return os.getenv(name, "")


agent = Agent(name="billing", tools=[refund_charge, charge_customer, send_email, read_config_var])
