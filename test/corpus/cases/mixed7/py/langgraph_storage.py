"""LangGraph agent that manages report files on disk and in S3."""
import os
from pathlib import Path

import boto3
from langchain_core.tools import tool
from langgraph.prebuilt import ToolNode
from langgraph.types import interrupt
from loguru import logger

BUCKET = "acme-reports"
REPORT_ROOT = Path("/srv/reports").resolve()
s3 = boto3.client("s3")


@tool
def delete_report_object(key: str) -> str:
    """Delete one report object from S3 after human approval."""
    decision = interrupt({"action": "delete_object", "bucket": BUCKET, "key": key})
    if decision != "approve":
        return "not approved"
    logger.info("delete_object key={}", key)
    s3.delete_object(Bucket=BUCKET, Key=key)
    return "deleted"


@tool
def purge_reports(prefix: str) -> int:
    """Delete every report object under a prefix."""
    logger.warning("purge_reports prefix={}", prefix)
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    count = 0
    for item in listing.get("Contents", []):
        s3.delete_object(Bucket=BUCKET, Key=item["Key"])
        count += 1
    return count


@tool
def read_report(relative_path: str) -> str:
    """Read a report file below the report root."""
    p = (REPORT_ROOT / relative_path).resolve()
    try:
        p.relative_to(REPORT_ROOT)
    except ValueError:
        return "denied"
    logger.info("read_report path={}", p)
    return p.read_text()


@tool
def read_report_normalized(relative_path: str) -> str:
    """Read a report file by normalised path."""
    full = os.path.normpath(os.path.join(str(REPORT_ROOT), relative_path))
    with open(full, encoding="utf-8") as fh:
        return fh.read()


@tool
def list_reports() -> list[str]:
    """List report file names."""
    return sorted(p.name for p in REPORT_ROOT.iterdir())


@tool
def report_title(report_text: str) -> str:
    """Extract the title line from report text."""
    for line in report_text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return "untitled"


tool_node = ToolNode(
    [delete_report_object, purge_reports, read_report, read_report_normalized, list_reports, report_title]
)
