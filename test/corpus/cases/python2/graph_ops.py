import logging
import subprocess

import boto3
from langgraph.prebuilt import ToolNode, create_react_agent
from langgraph.types import interrupt

logger = logging.getLogger("ops")
s3 = boto3.client("s3")
ALLOWED_PROGRAMS = {"git", "ls", "du"}


def delete_object(bucket: str, key: str) -> str:
    """Delete an object from S3."""
    s3.delete_object(Bucket=bucket, Key=key)
    return "ok"


def delete_object_approved(bucket: str, key: str) -> str:
    """Delete an object from S3 after human approval."""
    decision = interrupt({"action": "delete", "bucket": bucket, "key": key})
    if decision != "approve":
        return "cancelled"
    logger.warning("s3 delete %s/%s", bucket, key)
    s3.delete_object(Bucket=bucket, Key=key)
    return "deleted"


def run_program(program: str, args: list[str]) -> str:
    """Run an allowed diagnostic program."""
    if program not in ALLOWED_PROGRAMS:
        return "program not allowed"
    logger.info("run %s %s", program, args)
    out = subprocess.run([program, *args], capture_output=True, text=True, timeout=30)
    return out.stdout


def run_shell(command: str) -> str:
    """Run a shell command."""
    print("running", command)
    out = subprocess.run(command, shell=True, capture_output=True, text=True)
    return out.stdout


node = ToolNode([delete_object, delete_object_approved])
agent = create_react_agent("openai:gpt-4o", tools=[run_program, run_shell])
