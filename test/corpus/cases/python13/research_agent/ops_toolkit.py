"""Operations toolkit: archive bucket, outbound email and deployment settings."""
from __future__ import annotations

import logging
import os
import smtplib
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from typing import Type

import boto3
from langchain_core.tools import BaseTool, BaseToolkit
from pydantic import BaseModel, Field

from .audit import audit_event, request_approval
from .config import ARCHIVE_BUCKET

logger = logging.getLogger(__name__)


class DeleteObjectInput(BaseModel):
    key: str = Field(description="Object key inside the archive bucket")


class S3DeleteObjectTool(BaseTool):
    name: str = "archive_delete_object"
    description: str = "Delete one object from the archive bucket."
    args_schema: Type[BaseModel] = DeleteObjectInput

    def _run(self, key: str) -> str:
        s3 = boto3.client("s3")
        s3.delete_object(Bucket=ARCHIVE_BUCKET, Key=key)
        return f"deleted s3://{ARCHIVE_BUCKET}/{key}"


class PurgePrefixInput(BaseModel):
    prefix: str = Field(description="Key prefix, e.g. 'exports/2023/'")


class S3PurgePrefixTool(BaseTool):
    name: str = "archive_purge_prefix"
    description: str = "Delete every object under a prefix in the archive bucket (asks the operator first)."
    args_schema: Type[BaseModel] = PurgePrefixInput

    def _run(self, prefix: str) -> str:
        s3 = boto3.client("s3")
        pages = s3.get_paginator("list_objects_v2").paginate(Bucket=ARCHIVE_BUCKET, Prefix=prefix)
        keys = [{"Key": obj["Key"]} for page in pages for obj in page.get("Contents", [])]
        audit_event("archive_purge_prefix", prefix=prefix, count=len(keys))
        if not keys:
            return "nothing to delete"
        if not request_approval("purge archive prefix", f"{prefix!r} ({len(keys)} objects)"):
            return "purge cancelled by the operator"
        for i in range(0, len(keys), 1000):
            s3.delete_objects(Bucket=ARCHIVE_BUCKET, Delete={"Objects": keys[i : i + 1000]})
        return f"deleted {len(keys)} objects"


class SendEmailInput(BaseModel):
    to: str
    subject: str
    body: str


class SendEmailTool(BaseTool):
    name: str = "send_email"
    description: str = "Send an email from the team mailbox."
    args_schema: Type[BaseModel] = SendEmailInput
    smtp_host: str = "smtp.example.com"

    def _run(self, to: str, subject: str, body: str) -> str:
        approved = request_approval("send email", f"to={to} subject={subject!r}")
        logger.info("send_email to=%s approved=%s", to, approved)
        msg = EmailMessage()
        msg["From"] = "agent@example.com"
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(self.smtp_host, 587) as smtp:
            smtp.starttls()
            smtp.login("agent@example.com", os.environ["SMTP_PASSWORD"])
            smtp.send_message(msg)
        return "sent"


class SettingInput(BaseModel):
    name: str = Field(description="Name of the deployment setting to read")


class DeploymentSettingTool(BaseTool):
    name: str = "deployment_setting"
    description: str = "Read a deployment setting (environment variable) to debug configuration problems."
    args_schema: Type[BaseModel] = SettingInput

    def _run(self, name: str) -> str:
        value = os.environ.get(name.strip().upper())
        return value if value is not None else f"{name} is not set"

    async def _arun(self, name: str) -> str:
        return self._run(name)


class OpsToolkit(BaseToolkit):
    """Everything the ops agent may do with infrastructure."""

    def get_tools(self) -> list[BaseTool]:
        return [S3DeleteObjectTool(), S3PurgePrefixTool(), SendEmailTool(), DeploymentSettingTool()]


class ArchiveJanitor:
    """Run by the nightly cron job, not by the agent: expires old archive objects."""

    def __init__(self, bucket: str = ARCHIVE_BUCKET, max_age_days: int = 365) -> None:
        self.bucket = bucket
        self.cutoff = datetime.now(timezone.utc) - timedelta(days=max_age_days)
        self.s3 = boto3.client("s3")

    def sweep(self) -> int:
        removed = 0
        for page in self.s3.get_paginator("list_objects_v2").paginate(Bucket=self.bucket):
            for obj in page.get("Contents", []):
                if obj["LastModified"] < self.cutoff:
                    self.s3.delete_object(Bucket=self.bucket, Key=obj["Key"])
                    removed += 1
        return removed
