"""Outbound notifications: Slack, e-mail and SMS."""
from __future__ import annotations

import os
import smtplib
from email.message import EmailMessage

from .settings import settings

try:
    from slack_sdk import WebClient
except ImportError:
    WebClient = None

try:
    from twilio.rest import Client as TwilioClient
except ImportError:
    TwilioClient = None

_slack = WebClient(token=os.environ.get("SLACK_BOT_TOKEN", "")) if WebClient is not None else None


def post_slack(channel: str, text: str, thread_ts: str | None = None) -> str:
    if _slack is None:
        raise RuntimeError("slack_sdk is not installed")
    resp = _slack.chat_postMessage(channel=channel, text=text, thread_ts=thread_ts)
    return resp["ts"]


def send_email(to: str, subject: str, body: str, *, sender: str | None = None) -> None:
    msg = EmailMessage()
    msg["From"] = sender or settings.smtp_user
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(settings.smtp_host, 587, timeout=30) as smtp:
        smtp.starttls()
        smtp.login(settings.smtp_user, os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)


def send_sms(to: str, body: str) -> str:
    client = TwilioClient(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
    message = client.messages.create(to=to, from_=settings.sms_from, body=body[:1500])
    return message.sid
