import logging
import os
import smtplib
from email.message import EmailMessage

import httpx
import stripe
from agents import Agent, function_tool

logger = logging.getLogger("ops")
SMTP_HOST = "smtp.internal.example.com"


@function_tool
def send_email(to: str, subject: str, body: str) -> str:
    """Send an email on behalf of the user."""
    msg = EmailMessage()
    msg["From"] = "assistant@example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls()
        smtp.send_message(msg)
    return "sent"


@function_tool(needs_approval=True)
def refund_payment(charge_id: str, amount_cents: int) -> str:
    """Refund part of a charge."""
    logger.info("refund %s %s", charge_id, amount_cents)
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.id


@function_tool
def read_env(name: str) -> str:
    """Return the value of a configuration variable."""
    return os.environ.get(name, "")


@function_tool
async def get_weather(city: str) -> str:
    """Current weather for a city."""
    key = os.environ["WEATHER_API_KEY"]
    async with httpx.AsyncClient() as client:
        r = await client.get(
            "https://api.weather.example.com/v1/current",
            params={"city": city, "key": key},
        )
    return r.text


ops_agent = Agent(
    name="ops",
    instructions="Help the ops team",
    tools=[send_email, refund_payment, read_env, get_weather],
)
