"""smolagents research agent with class-based tools."""

from __future__ import annotations

import os
import shutil

import requests
from smolagents import CodeAgent, InferenceClientModel, Tool

from .common import audit_event, ensure_allowed_host

ARCHIVE_DIR = "/srv/helpdesk/archive"


class WebPageReader(Tool):
    name = "read_webpage"
    description = "Read a page from one of the company's public sites."
    inputs = {"url": {"type": "string", "description": "Absolute https URL of the page"}}
    output_type = "string"

    def forward(self, url: str) -> str:
        ensure_allowed_host(url)
        audit_event("read_webpage", url=url)
        resp = requests.get(url, timeout=10, allow_redirects=False)
        return resp.text[:20_000]


class Calculator(Tool):
    name = "calculate"
    description = "Evaluate an arithmetic expression such as '3 * (4 + 5) / 2'."
    inputs = {"expression": {"type": "string", "description": "Arithmetic expression"}}
    output_type = "number"

    def forward(self, expression: str) -> float:
        return float(eval(expression, {"__builtins__": {}}, {}))


class UnitConverter(Tool):
    name = "convert_units"
    description = "Convert a value between units of length or mass."
    inputs = {
        "value": {"type": "number", "description": "Value to convert"},
        "from_unit": {"type": "string", "description": "Unit of the value, e.g. 'km'"},
        "to_unit": {"type": "string", "description": "Target unit, e.g. 'mi'"},
    }
    output_type = "number"

    FACTORS = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "ft": 0.3048, "kg": 1.0, "lb": 0.45359237}

    def forward(self, value: float, from_unit: str, to_unit: str) -> float:
        try:
            return value * self.FACTORS[from_unit] / self.FACTORS[to_unit]
        except KeyError as exc:
            raise ValueError(f"unknown unit {exc.args[0]!r}") from None


class ReportPurger(Tool):
    name = "purge_report"
    description = "Permanently delete an archived report and all its attachments."
    inputs = {"report_id": {"type": "string", "description": "Archived report id"}}
    output_type = "string"

    def forward(self, report_id: str) -> str:
        name = os.path.basename(report_id)
        if name in {"", ".", ".."}:
            return "Invalid report id."
        target = os.path.join(ARCHIVE_DIR, name)
        if not os.path.isdir(target):
            return f"No archived report {report_id!r}."
        shutil.rmtree(target)
        return f"Deleted {name}."


research_agent = CodeAgent(
    tools=[WebPageReader(), Calculator(), UnitConverter(), ReportPurger()],
    model=InferenceClientModel(),
    max_steps=8,
)
