import logging
import os
import smtplib

from langgraph.prebuilt import create_react_agent
from langgraph.types import interrupt

audit_log = logging.getLogger("audit")
SMTP_HOST = "smtp.example.com"


# @label send_email: txn,audit | plain function in create_react_agent tools, smtplib send, constant host
def send_email(to: str, body: str) -> str:
    """Send an email."""
    with smtplib.SMTP(SMTP_HOST) as s:
        s.sendmail("bot@example.com", [to], body)
    return "sent"
# @end


# @label send_email_approved:  | interrupt() gate with early return, logger
def send_email_approved(to: str, body: str) -> str:
    """Send an email after human approval."""
    decision = interrupt({"action": "send_email", "to": to})
    if decision != "approve":
        return "rejected"
    audit_log.info("send_email to=%s", to)
    with smtplib.SMTP(SMTP_HOST) as s:
        s.sendmail("bot@example.com", [to], body)
    return "sent"
# @end


# @label aws_profile: secret,audit | reads ~/.aws/credentials
def aws_profile(profile: str) -> str:
    """Show an AWS profile."""
    path = os.path.expanduser("~/.aws/credentials")
    with open(path) as fh:
        text = fh.read()
    return text.split(f"[{profile}]")[-1][:200]
# @end


# @label word_count:  | no capability
def word_count(text: str) -> int:
    """Count words."""
    return len(text.split())
# @end


graph = create_react_agent("openai:gpt-4o", tools=[send_email, send_email_approved, aws_profile, word_count])
