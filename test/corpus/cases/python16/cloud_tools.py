"""AWS / Vault tools for the OpenAI Agents SDK cloud-ops agent."""
from __future__ import annotations

import json
import logging
import os

import boto3
import hvac
import keyring
import urllib3
from agents import Agent
from agents import function_tool as agent_tool

logger = logging.getLogger("opsbot.cloud")

s3 = boto3.client("s3")
secrets = boto3.client("secretsmanager", region_name="eu-west-1")
_http = urllib3.PoolManager()

EXPORT_BUCKET = "opsbot-exports"
VAULT_ADDR = "https://vault.internal.example.com:8200"


@agent_tool(needs_approval=True)
def delete_export(export_key: str) -> str:
    """Delete a generated export file from the exports bucket."""
    logger.info("delete_export key=%s", export_key)
    s3.delete_object(Bucket=EXPORT_BUCKET, Key=f"exports/{export_key}")
    return f"deleted exports/{export_key}"


@agent_tool
def discard_upload(bucket: str, key: str) -> str:
    """Remove a failed or duplicate customer upload from S3."""
    logger.info("discard_upload bucket=%s key=%s", bucket, key)
    s3.delete_object(Bucket=bucket, Key=key)
    return f"removed s3://{bucket}/{key}"


@agent_tool
def read_app_secret(secret_id: str) -> str:
    """Fetch an application secret from AWS Secrets Manager so its format can be checked."""
    logger.info("read_app_secret id=%s", secret_id)
    value = secrets.get_secret_value(SecretId=secret_id)
    return value["SecretString"]


@agent_tool
def get_service_password(service: str, username: str = "opsbot") -> str:
    """Look up the stored password for a service in the system keyring."""
    password = keyring.get_password(service, username)
    if password is None:
        return "no password stored"
    return password


@agent_tool
def billing_summary(month: str) -> dict:
    """Return the billing summary for a month given as YYYY-MM."""
    logger.info("billing_summary month=%s", month)
    vault = hvac.Client(url=VAULT_ADDR, token=os.environ["VAULT_TOKEN"])
    secret = vault.secrets.kv.v2.read_secret_version(path="opsbot/billing-api", mount_point="kv")
    api_key = secret["data"]["data"]["api_key"]
    resp = _http.request(
        "GET",
        f"https://billing.example.com/v2/summary/{month}",
        headers={"Authorization": f"Bearer {api_key}"},
    )
    return json.loads(resp.data)


def expire_old_exports(prefix: str = "exports/") -> int:
    """Lifecycle job run by cron; not one of the agent's tools."""
    removed = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=EXPORT_BUCKET, Prefix=prefix):
        for obj in page.get("Contents", []):
            s3.delete_object(Bucket=EXPORT_BUCKET, Key=obj["Key"])
            removed += 1
    return removed


def dump_secret(secret_id: str) -> str:
    """Break-glass helper for humans: `python -c 'import cloud_tools; ...'`."""
    return secrets.get_secret_value(SecretId=secret_id)["SecretString"]


cloud_agent = Agent(
    name="cloud-ops",
    instructions="Help the platform team manage exports, uploads and billing.",
    tools=[delete_export, discard_upload, read_app_secret, get_service_password, billing_summary],
)
