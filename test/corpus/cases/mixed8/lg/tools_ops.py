"""Operations, secrets, messaging and payment tools."""
import logging
import os
import subprocess
from pathlib import Path

import requests
import stripe
from langchain_core.tools import BaseTool, tool
from langgraph.types import interrupt
from pydantic import BaseModel, Field

from policy import check_script
from services.core import delete_object, run_argv, send_mail

logger = logging.getLogger(__name__)


@tool
def run_shell(command: str) -> str:
    """Run a shell command on the ops host."""
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout


@tool
def git_log(count: int = 10) -> str:
    """Show recent commits of the deployed repository."""
    logger.info("git_log count=%s", count)
    return run_argv(["git", "-C", "/srv/app", "log", "--oneline", f"-n{int(count)}"])


@tool
def run_maintenance(script: str) -> str:
    """Run one of the approved maintenance scripts."""
    check_script(script)
    logger.info("run_maintenance %s", script)
    return run_argv([f"/srv/scripts/{script}.sh"])


@tool
def calculate(expression: str) -> str:
    """Evaluate an arithmetic expression."""
    logger.info("calculate %s", expression)
    return str(eval(expression))


@tool
def get_setting(key: str) -> str:
    """Return a configuration value from the environment."""
    return os.environ.get(key, "")


@tool
def get_weather(city: str) -> dict:
    """Current weather for a city."""
    logger.info("get_weather %s", city)
    key = os.environ["WEATHER_API_KEY"]
    return requests.get("https://api.weather.example.com/v1/current", params={"q": city, "key": key}).json()


@tool
def read_aws_credentials() -> str:
    """Show which AWS profile is configured."""
    return (Path.home() / ".aws" / "credentials").read_text()


@tool
def send_email(to: str, subject: str, body: str) -> str:
    """Send an email to a customer."""
    send_mail(to, subject, body)
    return "sent"


@tool
def send_invoice_email(to: str, invoice_id: str) -> str:
    """Email an invoice after a human approves it."""
    decision = interrupt({"action": "send_invoice_email", "to": to, "invoice_id": invoice_id})
    if decision != "approve":
        return "not sent"
    logger.info("send_invoice_email to=%s invoice=%s", to, invoice_id)
    send_mail(to, f"Invoice {invoice_id}", "Please find your invoice attached.")
    return "sent"


@tool
def refund_payment(charge_id: str, amount_cents: int) -> str:
    """Refund part of a card payment."""
    logger.info("refund_payment %s %s", charge_id, amount_cents)
    refund = stripe.Refund.create(charge=charge_id, amount=amount_cents)
    return refund.id


@tool
def transfer_funds(account: str, amount_cents: int) -> dict:
    """Pay out money to a supplier account."""
    return requests.post(
        "https://payments.example.com/v1/transfers", json={"account": account, "amount": amount_cents}
    ).json()


@tool
def delete_export(key: str) -> str:
    """Delete an exported file from the export bucket."""
    logger.info("delete_export %s", key)
    delete_object(key)
    return "deleted"


class RestartInput(BaseModel):
    service: str = Field(description="systemd unit to restart")


class RestartServiceTool(BaseTool):
    name: str = "restart_service"
    description: str = "Restart a systemd service."
    args_schema: type[BaseModel] = RestartInput

    def _run(self, service: str) -> str:
        return run_argv(["systemctl", "restart", service])

    async def _arun(self, service: str) -> str:
        return self._run(service)
