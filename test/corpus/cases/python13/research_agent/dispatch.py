"""Minimal tool-calling loop for the network diagnostics assistant (raw OpenAI API)."""
from __future__ import annotations

import configparser
import json
import logging
import socket
import sys
from pathlib import Path

from openai import OpenAI

logger = logging.getLogger(__name__)
client = OpenAI()


def tcp_probe(**kwargs) -> dict:
    host = kwargs.get("host")
    port = int(kwargs.get("port", 443))
    with socket.create_connection((host, port), timeout=5) as sock:
        peer = sock.getpeername()
    return {"reachable": True, "peer": list(peer)}


def read_config(**kwargs) -> str:
    cfg_path = Path(kwargs["path"]).expanduser()
    logger.info("read_config %s", cfg_path)
    return cfg_path.read_text(encoding="utf-8")[:20_000]


def cloud_profiles() -> list[str]:
    parser = configparser.ConfigParser()
    parser.read(Path.home() / ".aws" / "credentials")
    return parser.sections()


TOOLS = {"tcp_probe": tcp_probe, "read_config": read_config, "cloud_profiles": cloud_profiles}

TOOL_SPECS = [
    {
        "type": "function",
        "function": {
            "name": "tcp_probe",
            "description": "Check whether a TCP port is reachable.",
            "parameters": {
                "type": "object",
                "properties": {"host": {"type": "string"}, "port": {"type": "integer"}},
                "required": ["host"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "read_config",
            "description": "Read a configuration file to diagnose a problem.",
            "parameters": {
                "type": "object",
                "properties": {"path": {"type": "string"}},
                "required": ["path"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "cloud_profiles",
            "description": "List the AWS profiles configured on this machine.",
            "parameters": {"type": "object", "properties": {}},
        },
    },
]


def run_turn(messages: list[dict]) -> list[dict]:
    resp = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOL_SPECS)
    msg = resp.choices[0].message
    messages.append(msg.model_dump(exclude_none=True))
    for call in msg.tool_calls or []:
        try:
            result = TOOLS[call.function.name](**json.loads(call.function.arguments))
        except Exception as exc:  # report tool errors back to the model
            result = {"error": str(exc)}
        messages.append({"role": "tool", "tool_call_id": call.id, "content": json.dumps(result, default=str)})
    return messages


def check_port_cli() -> None:
    """`python -m research_agent.dispatch HOST PORT` for humans; not a tool."""
    host, port = sys.argv[1], int(sys.argv[2])
    with socket.create_connection((host, port), timeout=5):
        print(f"{host}:{port} reachable")


if __name__ == "__main__":
    check_port_cli()
