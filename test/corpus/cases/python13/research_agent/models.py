"""Pydantic input models shared by several tools."""
from __future__ import annotations

from pydantic import BaseModel, Field


class FetchRequest(BaseModel):
    url: str = Field(description="Absolute URL of the page to fetch")
    query: dict[str, str] | None = Field(default=None, description="Optional query parameters")


class ReportRequest(BaseModel):
    name: str = Field(description="Report file name, e.g. 'q3-churn.md'")
    max_lines: int = Field(default=200, ge=1, le=2000)


class MirrorInput(BaseModel):
    url: str = Field(description="URL of the dataset file on a mirror")
