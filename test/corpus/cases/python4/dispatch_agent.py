"""Hand-rolled tool loop on the OpenAI chat completions API."""
import json
import os
from pathlib import Path

import requests
from openai import OpenAI

from workspace_helpers import audit_log

client = OpenAI()
SESSIONS = Path("/var/lib/assistant/sessions").resolve()


def get_weather(city: str) -> dict:
    resp = requests.get(
        "https://api.weather.example.com/v1/current",
        params={"q": city},
        headers={"X-Api-Key": os.environ["WEATHER_API_KEY"]},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def tail_log(path: str, lines: int = 50) -> str:
    print(f"tail_log {path}")
    with open(path, encoding="utf-8", errors="replace") as fh:
        return "".join(fh.readlines()[-lines:])


def forget_session(session_id: str) -> str:
    target = (SESSIONS / f"{session_id}.json").resolve()
    if not target.is_relative_to(SESSIONS):
        raise PermissionError("session id escapes the sessions folder")
    audit_log("forget_session", session_id=session_id)
    target.unlink(missing_ok=True)
    return "forgotten"


def run_python(code: str) -> str:
    audit_log("run_python", code=code)
    scope: dict = {}
    exec(compile(code, "<agent>", "exec"), scope)
    return repr(scope.get("result"))


TOOLS = {
    "get_weather": get_weather,
    "tail_log": tail_log,
    "forget_session": forget_session,
    "run_python": run_python,
}


def chat(messages: list[dict], schemas: list[dict]) -> str:
    while True:
        reply = client.chat.completions.create(model="gpt-4o", messages=messages, tools=schemas)
        msg = reply.choices[0].message
        if not msg.tool_calls:
            return msg.content
        messages.append(msg)
        for call in msg.tool_calls:
            name = call.function.name
            result = TOOLS[name](**json.loads(call.function.arguments))
            messages.append(
                {"role": "tool", "tool_call_id": call.id, "content": json.dumps(result)}
            )
