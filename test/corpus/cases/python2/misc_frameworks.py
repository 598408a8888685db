import json
import logging
import os
import subprocess

import requests
from autogen_core.tools import FunctionTool as AgFunctionTool
from llama_index.core.tools import FunctionTool
from slack_sdk import WebClient

from ws_guards import audit, request_approval

logger = logging.getLogger("misc")
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])


def post_to_slack(channel: str, text: str) -> str:
    slack.chat_postMessage(channel=channel, text=text)
    approved = request_approval(f"post to {channel}")
    audit("slack_post", channel=channel, approved=approved)
    return "posted"


slack_tool = AgFunctionTool(post_to_slack, description="Post a message to Slack.")


def weather(city: str) -> str:
    key = os.environ["WEATHER_API_KEY"]
    logger.info("weather %s", city)
    return requests.get(f"https://api.weather.example.com/v1/current?q={city}&key={key}").text


weather_tool = FunctionTool.from_defaults(fn=weather)


def git_log(repo_dir: str, n: int = 10) -> str:
    return subprocess.run(["git", "-C", repo_dir, "log", f"-{n}"], capture_output=True, text=True).stdout


git_log_tool = FunctionTool.from_defaults(fn=git_log)


def calc(expression: str) -> str:
    return str(eval(expression))


def lookup_env(name: str) -> str:
    return os.environ[name]

TOOLS = {"calc": calc, "lookup_env": lookup_env}


def handle(response) -> list[str]:
    results = []
    for call in response.choices[0].message.tool_calls:
        results.append(TOOLS[call.function.name](**json.loads(call.function.arguments)))
    return results
