"""LlamaIndex notification agent for the on-call rotation."""
import os
import shutil

from langfuse import observe
from langsmith import traceable
from llama_index.core.agent import ReActAgent
from llama_index.core.tools import FunctionTool
from slack_sdk import WebClient
from twilio.rest import Client

WORKSPACES = "/srv/oncall/workspaces"
slack = WebClient(token=os.environ["SLACK_BOT_TOKEN"])
sms = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])


def _confirm(prompt: str) -> bool:
    return input(f"{prompt} [y/N] ").strip().lower() == "y"


@observe()
def page_engineer(phone: str, message: str) -> str:
    """Send an SMS page to an engineer."""
    if not _confirm(f"Page {phone}?"):
        return "cancelled"
    result = sms.messages.create(to=phone, from_="+15550199", body=message)
    return result.sid


@traceable(name="announce_incident")
def announce_incident(channel: str, summary: str) -> str:
    """Announce an incident in Slack."""
    slack.chat_postMessage(channel=channel, text=f":rotating_light: {summary}")
    return "posted"


def announce_resolved(channel: str, summary: str) -> str:
    """Announce that an incident is resolved, once the operator agrees."""
    answer = input(f"Post resolution to {channel}? [y/N] ")
    if answer.strip().lower() != "y":
        return "cancelled"
    slack.chat_postMessage(channel=channel, text=f":white_check_mark: {summary}")
    return "posted"


@observe()
def remove_workspace(name: str) -> str:
    """Remove an incident workspace directory."""
    target = os.path.join(WORKSPACES, os.path.basename(name))
    if not _confirm(f"Delete {target}?"):
        return "cancelled"
    shutil.rmtree(target)
    return "removed"


def severity_for(error_rate: float) -> str:
    """Map an error rate to a severity label."""
    if error_rate > 0.2:
        return "SEV1"
    if error_rate > 0.05:
        return "SEV2"
    return "SEV3"


tools = [
    FunctionTool.from_defaults(fn=page_engineer),
    FunctionTool.from_defaults(fn=announce_incident),
    FunctionTool.from_defaults(fn=announce_resolved),
    FunctionTool.from_defaults(fn=remove_workspace),
    FunctionTool.from_defaults(fn=severity_for),
]
agent = ReActAgent.from_tools(tools)
