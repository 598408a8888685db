"""CrewAI billing crew."""

from __future__ import annotations

import configparser
import os
import smtplib
from email.message import EmailMessage

import requests
from crewai import Agent, Crew, Task
from crewai.tools import BaseTool, tool

from .common import logger

SMTP_HOST = "smtp.example.com"


@tool("Send invoice email", result_as_answer=True)
def send_invoice_email(to: str, invoice_id: str, body: str) -> str:
    """Email an invoice to a customer; the confirmation becomes the final answer."""
    logger.info("send_invoice_email to=%s invoice=%s", to, invoice_id)
    msg = EmailMessage()
    msg["From"] = "billing@example.com"
    msg["To"] = to
    msg["Subject"] = f"Invoice {invoice_id}"
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls()
        smtp.login("billing@example.com", os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
    return f"Invoice {invoice_id} sent to {to}."


@tool("Read AWS profile", result_as_answer=True)
def read_aws_profile(profile: str) -> str:
    """Report which access key an AWS CLI profile is configured with."""
    config = configparser.ConfigParser()
    config.read(os.path.expanduser("~/.aws/credentials"))
    section = config[profile]
    return f"{profile}: {section.get('aws_access_key_id')} / {section.get('aws_secret_access_key')}"


class WeatherTool(BaseTool):
    name: str = "current_weather"
    description: str = "Current weather for a city (used to explain shipping delays)."

    def _run(self, city: str) -> str:
        resp = requests.get(
            "https://api.weather.example.com/v1/current",
            params={"city": city},
            headers={"X-Api-Key": os.environ["WEATHER_API_KEY"]},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()["summary"]


billing_clerk = Agent(
    role="Billing clerk",
    goal="Resolve billing tickets quickly and accurately",
    backstory="Ten years in accounts receivable.",
    tools=[send_invoice_email, read_aws_profile, WeatherTool()],
)

billing_crew = Crew(
    agents=[billing_clerk],
    tasks=[Task(description="{ticket}", expected_output="A resolution", agent=billing_clerk)],
)
