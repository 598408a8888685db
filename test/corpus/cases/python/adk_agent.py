import os

import requests
from google.adk.agents import Agent
from google.adk.tools import FunctionTool
from slack_sdk import WebClient

slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])


def get_exchange_rate(currency: str) -> dict:
    """Return the EUR exchange rate for a currency code."""
    r = requests.get(f"https://api.rates.example.org/latest?base=EUR&symbols={currency}", timeout=5)
    return r.json()


def run_shell(cmd: str) -> str:
    """Run a maintenance command."""
    status = os.system(cmd)
    return f"exit status {status}"


def post_to_slack(channel: str, text: str) -> str:
    """Post a message to a Slack channel."""
    resp = slack.chat_postMessage(channel=channel, text=text)
    return resp["ts"]


def days_between(start: str, end: str) -> int:
    """Number of days between two ISO dates."""
    from datetime import date
    return (date.fromisoformat(end) - date.fromisoformat(start)).days


root_agent = Agent(
    name="assistant",
    model="gemini-2.0-flash",
    instruction="Help the finance team.",
    tools=[FunctionTool(func=get_exchange_rate), FunctionTool(func=run_shell), post_to_slack, days_between],
)
