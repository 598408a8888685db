"""Minimal tool-calling loop on the plain OpenAI client (used by the status bot)."""
from __future__ import annotations

import json
import logging
import os
import socket
from typing import Any, Callable
from urllib.parse import urlparse

import requests as rq
from openai import OpenAI

from ..approval import require_approval
from ..audit import audit_event
from ..httpclient import ALLOWED_HOSTS, HostNotAllowed
from ..payments import refund_charge
from ..secrets_store import read_vault_secret
from ..settings import settings

logger = logging.getLogger("harbor.statusbot")

WEATHER_URL = "https://api.weatherapi.example.com/v1/current.json"


def get_weather(city: str) -> dict:
    logger.info("get_weather %s", city)
    resp = rq.get(WEATHER_URL, params={"q": city, "key": os.environ["WEATHER_API_KEY"]}, timeout=10)
    resp.raise_for_status()
    return resp.json()["current"]


def fetch_secret(path: str) -> dict:
    data = read_vault_secret(path)
    return {k: (v[:2] + "***" if isinstance(v, str) else v) for k, v in data.items()}


def check_port(host: str, port: int) -> dict:
    logger.info("check_port %s:%s", host, port)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(3)
    try:
        sock.connect((host, int(port)))
        return {"open": True}
    except OSError as exc:
        return {"open": False, "error": str(exc)}
    finally:
        sock.close()


def fetch_url(url: str) -> str:
    resp = rq.get(url, timeout=15)
    if urlparse(resp.url).hostname not in ALLOWED_HOSTS:
        raise HostNotAllowed(resp.url)
    audit_event("fetch_url", "get", url=url, final=resp.url)
    return resp.text[:20_000]


def refund_order(order_id: str, amount_cents: int) -> dict:
    order = rq.get(f"https://orders.internal.example.com/v1/orders/{order_id}", timeout=10).json()
    require_approval("refund_order", {"order": order_id, "charge": order["charge_id"], "amount_cents": amount_cents})
    refund = refund_charge(order["charge_id"], amount_cents)
    audit_event("refund_order", "refund", order=order_id, refund_id=refund.id, amount_cents=amount_cents)
    return {"refund_id": refund.id, "status": refund.status}


TOOLS: dict[str, Callable[..., Any]] = {
    "get_weather": get_weather,
    "fetch_secret": fetch_secret,
    "check_port": check_port,
    "fetch_url": fetch_url,
    "refund_order": refund_order,
}


def _spec(name: str, description: str, **props: str) -> dict:
    return {
        "type": "function",
        "function": {
            "name": name,
            "description": description,
            "parameters": {
                "type": "object",
                "properties": {k: {"type": v} for k, v in props.items()},
                "required": list(props),
            },
        },
    }


TOOL_SPECS = [
    _spec("get_weather", "Current weather for a city", city="string"),
    _spec("fetch_secret", "Read a secret from Vault (values are masked)", path="string"),
    _spec("check_port", "Check whether a TCP port is reachable", host="string", port="integer"),
    _spec("fetch_url", "Fetch a web page", url="string"),
    _spec("refund_order", "Refund an order (operator approval required)", order_id="string", amount_cents="integer"),
]


def run(messages: list[dict], client: OpenAI | None = None, max_turns: int = 8) -> str:
    client = client or OpenAI()
    for _ in range(max_turns):
        resp = client.chat.completions.create(model=settings.model, messages=messages, tools=TOOL_SPECS)
        msg = resp.choices[0].message
        if not msg.tool_calls:
            return msg.content or ""
        messages.append(msg.model_dump(exclude_none=True))
        for call in msg.tool_calls:
            fn = TOOLS[call.function.name]
            try:
                result = fn(**json.loads(call.function.arguments))
            except Exception as exc:  # report tool errors back to the model
                result = {"error": str(exc)}
            messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result, default=str)})
    return "stopped after max_turns"
