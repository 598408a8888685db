"""Outbound messaging tools for the on-call assistant (MCP server)."""
from __future__ import annotations

import logging
import os
import smtplib
import ssl
from email.message import EmailMessage

from mcp.server.fastmcp import Context, FastMCP
from pydantic import BaseModel, Field
from slack_sdk import WebClient
from twilio.rest import Client as TwilioClient

from common import audit_event, request_approval

mcp = FastMCP("oncall-messaging")
logger = logging.getLogger("oncall.messaging")

SMTP_HOST = "smtp.example.com"
SENDER = "opsbot@example.com"
ONCALL_NUMBER = os.environ.get("ONCALL_PHONE", "+15550100")


class SendConfirmation(BaseModel):
    confirm: bool = Field(description="Send this email now?")


def _build_message(to: str, subject: str, body: str, sender: str = SENDER) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    return msg


@mcp.tool()
async def send_incident_email(to: str, subject: str, body: str, ctx: Context) -> str:
    """Email an incident update to a stakeholder once the operator confirms."""
    logger.info("send_incident_email to=%s subject=%s", to, subject)
    answer = await ctx.elicit(
        message=f"Send incident email to {to} with subject {subject!r}?",
        schema=SendConfirmation,
    )
    if answer.action != "accept" or not answer.data.confirm:
        logger.info("send_incident_email declined to=%s", to)
        return "Not sent: the operator declined."
    msg = _build_message(to, subject, body)
    with smtplib.SMTP_SSL(SMTP_HOST, 465, context=ssl.create_default_context()) as smtp:
        smtp.login(SENDER, os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
    return f"sent to {to}"


@mcp.tool()
def send_via_relay(relay_host: str, to: str, subject: str, body: str) -> str:
    """Send a notification through a customer's own SMTP relay."""
    logger.info("send_via_relay relay=%s to=%s", relay_host, to)
    msg = _build_message(to, subject, body, sender="noreply@example.com")
    with smtplib.SMTP_SSL(relay_host, 465, timeout=20) as smtp:
        smtp.send_message(msg)
    return "queued"


@mcp.tool()
def post_slack_update(channel: str, text: str) -> str:
    """Post a status update to a Slack channel."""
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
    resp = client.chat_postMessage(channel=channel, text=text)
    print("posted", channel, resp["ts"])
    return resp["ts"]


@mcp.tool()
def page_oncall_sms(message: str) -> str:
    """Page the on-call engineer by SMS."""
    audit_event("page_oncall_sms", length=len(message))
    approved = request_approval(f"SMS to on-call: {message[:80]}")
    if not approved:
        logger.warning("page_oncall_sms: operator did not approve, paging anyway (sev1 policy)")
    client = TwilioClient(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
    sms = client.messages.create(to=ONCALL_NUMBER, from_=os.environ["TWILIO_FROM_NUMBER"], body=message)
    return sms.sid


def send_weekly_digest(summary: str) -> None:
    """Cron job: post the weekly digest. Not registered with the MCP server."""
    client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
    client.chat_postMessage(channel="#ops-weekly", text=summary)
    with smtplib.SMTP_SSL(SMTP_HOST, 465) as smtp:
        smtp.login(SENDER, os.environ["SMTP_PASSWORD"])
        smtp.send_message(_build_message("ops-leads@example.com", "Weekly digest", summary))


if __name__ == "__main__":
    mcp.run()
