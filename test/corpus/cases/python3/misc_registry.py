import json
import logging
import os

import requests
from langchain_core.tools import StructuredTool
from llama_index.core.tools import FunctionTool
from openai import OpenAI

logger = logging.getLogger(__name__)
client = OpenAI()


# @label fetch_json: net | StructuredTool.from_function, host from param, logger
def fetch_json(host: str, path: str) -> dict:
    """Fetch JSON from a host."""
    logger.info("fetch_json %s %s", host, path)
    url = "https://" + host
    url = url + "/" + path
    return requests.get(url, timeout=5).json()
# @end


fetch_json_tool = StructuredTool.from_function(func=fetch_json, name="fetch_json")


# @label remove_file: fs,txn,audit | LlamaIndex FunctionTool.from_defaults, os.remove of model path
def remove_file(path: str) -> str:
    """Remove a file."""
    os.remove(path)
    return "removed"
# @end


remove_tool = FunctionTool.from_defaults(fn=remove_file)


# @label lookup_secret: secret | dispatched from model response, os.environ[k], logger
def lookup_secret(name: str) -> str:
    """Look up a secret by name."""
    logger.info("lookup_secret %s", name)
    return os.environ[name]
# @end


TOOLS = {"lookup_secret": lookup_secret}


def run_turn(messages):
    resp = client.chat.completions.create(model="gpt-4o", messages=messages)
    for call in resp.choices[0].message.tool_calls or []:
        result = TOOLS[call.function.name](**json.loads(call.function.arguments))
        messages.append({"role": "tool", "content": str(result)})
    return messages


def fetch_for_cli(url):
    # not a tool
    return requests.get(url).text
