"""FastMCP server that lets an assistant send messages for the support team."""
import logging
import os
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from dotenv import dotenv_values
from mcp.server.fastmcp import Context, FastMCP
from slack_sdk import WebClient
from twilio.rest import Client as TwilioClient

logger = logging.getLogger("support.mcp")
mcp = FastMCP("support-messaging")

SMTP_HOST = "smtp.example.com"
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
twilio = TwilioClient(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])


@dataclass
class Confirm:
    ok: bool


def _smtp_send(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = "support@example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls()
        smtp.send_message(msg)


@mcp.tool()
async def send_email(to: str, subject: str, body: str, ctx: Context) -> str:
    """Send an email after the user confirms."""
    answer = await ctx.elicit(f"Send '{subject}' to {to}?", response_type=Confirm)
    if answer.action != "accept" or not answer.data.ok:
        return "cancelled"
    logger.info("send_email to=%s subject=%s", to, subject)
    _smtp_send(to, subject, body)
    return "sent"


@mcp.tool()
def send_email_now(to: str, subject: str, body: str) -> str:
    """Send an email immediately."""
    logger.info("send_email_now to=%s", to)
    _smtp_send(to, subject, body)
    return "sent"


@mcp.tool()
def post_to_slack(channel: str, text: str) -> str:
    """Post a message to a Slack channel."""
    resp = slack.chat_postMessage(channel=channel, text=text)
    return resp["ts"]


@mcp.tool()
async def send_sms(to: str, body: str, ctx: Context) -> str:
    """Text a customer after the user confirms."""
    answer = await ctx.elicit(f"Text {to}: {body!r}?", response_type=Confirm)
    if answer.action == "accept" and answer.data.ok:
        message = twilio.messages.create(to=to, from_="+15550100", body=body)
        return message.sid
    return "cancelled"


@mcp.tool()
def get_setting(name: str) -> str:
    """Return one value from the service configuration."""
    logger.info("get_setting name=%s", name)
    values = dotenv_values(".env")
    return values.get(name, "")


@mcp.tool()
def draft_reply(customer_name: str, issue: str) -> str:
    """Draft a reply text without sending it."""
    return f"Hi {customer_name},\n\nThanks for reporting '{issue}'. We are on it.\n"


if __name__ == "__main__":
    mcp.run()
