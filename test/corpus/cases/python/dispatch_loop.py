import json
import logging
import os
from urllib.parse import urlparse

import requests
from openai import OpenAI

client = OpenAI()
API_HOSTS = {"api.github.com", "api.gitlab.com"}
FEED_HOSTS = {h for h in os.environ.get("FEED_ALLOWED_HOSTS", "").split(",") if h}


def _require_api_host(url: str) -> None:
    host = urlparse(url).hostname
    if host not in API_HOSTS:
        raise PermissionError(f"host {host} not allowed")


def api_get(url: str) -> str:
    _require_api_host(url)
    return requests.get(url, timeout=10).text


def fetch_feed(url: str) -> str:
    host = urlparse(url).hostname
    if FEED_HOSTS and host not in FEED_HOSTS:
        raise PermissionError(host)
    return requests.get(url, timeout=10).text


def read_local(path: str) -> str:
    logging.info("read_local %s", path)
    with open(path) as fh:
        return fh.read()


TOOLS = {"api_get": api_get, "fetch_feed": fetch_feed, "read_local": read_local}
SCHEMAS = [
    {"type": "function", "function": {"name": n, "parameters": {"type": "object"}}} for n in TOOLS
]


def run(messages: list) -> str:
    while True:
        resp = client.chat.completions.create(model="gpt-4o", messages=messages, tools=SCHEMAS)
        msg = resp.choices[0].message
        if not msg.tool_calls:
            return msg.content
        messages.append(msg)
        for call in msg.tool_calls:
            result = TOOLS[call.function.name](**json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})


def debug_fetch(url: str) -> None:
    print(requests.get(url).status_code)


if __name__ == "__main__":
    import sys
    debug_fetch(sys.argv[1])
