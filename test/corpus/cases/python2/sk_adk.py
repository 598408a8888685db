import logging
import os
from pathlib import Path

import boto3
from google.adk.tools import FunctionTool
from langsmith import traceable
from semantic_kernel.functions import kernel_function
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail

from ws_guards import fetch_raw, inside_root

logger = logging.getLogger("sk")
secrets = boto3.client("secretsmanager")


class OpsPlugin:
    @kernel_function(name="get_secret", description="Fetch a secret")
    def get_secret(self, secret_id: str) -> str:
        resp = secrets.get_secret_value(SecretId=secret_id)
        return resp["SecretString"]

    @kernel_function(name="mirror", description="Download a URL")
    @traceable
    def mirror(self, url: str) -> str:
        raw = fetch_raw(url)
        return raw.decode("utf-8", "replace")[:2000]


def email_report(to: str, subject: str, html: str) -> str:
    logger.info("email_report %s", to)
    if to.endswith("@example.com"):
        ok = input(f"send to {to}? ") == "y"
        if not ok:
            return "cancelled"
    SendGridAPIClient(os.environ["SENDGRID_API_KEY"]).send(Mail("agent@example.com", to, subject, html))
    return "sent"


email_tool = FunctionTool(func=email_report)


def read_dataset(name: str) -> str:
    p = inside_root(name)
    logger.info("dataset %s", p)
    return Path(p).read_text()


dataset_tool = FunctionTool(func=read_dataset)
