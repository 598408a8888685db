"""OpenAI Agents SDK agent for the marketing and notifications team."""
import os

import aiofiles
import httpx
from agents import Agent, function_tool
from langfuse.decorators import observe
from langsmith import traceable
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail
from twilio.rest import Client as TwilioClient

UPLOAD_DIR = "/srv/uploads"
twilio = TwilioClient(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])
sendgrid = SendGridAPIClient(os.environ["SENDGRID_API_KEY"])


@function_tool(needs_approval=True)
@traceable(name="send_sms")
def send_sms(to: str, body: str) -> str:
    """Send a text message to a customer's phone number."""
    message = twilio.messages.create(to=to, from_="+15550100", body=body)
    return message.sid


@function_tool
@traceable(name="send_campaign")
def send_campaign(recipients: list[str], subject: str, html: str) -> int:
    """E-mail a marketing campaign to a list of recipients."""
    mail = Mail(
        from_email="news@example.com",
        to_emails=recipients,
        subject=subject,
        html_content=html,
    )
    response = sendgrid.send(mail)
    return response.status_code


@function_tool
async def preview_link(url: str) -> str:
    """Download a link shared by a customer and return the first kilobyte."""
    async with httpx.AsyncClient(follow_redirects=True, timeout=10) as client:
        resp = await client.get(url)
    return resp.text[:1024]


@function_tool
@observe()
async def read_upload(filename: str) -> str:
    """Read a file the customer uploaded."""
    safe = os.path.basename(filename)
    async with aiofiles.open(os.path.join(UPLOAD_DIR, safe), encoding="utf-8") as fh:
        return await fh.read()


@function_tool
def character_count(text: str) -> int:
    """Count the characters of a draft message (SMS limit is 160)."""
    return len(text)


comms_agent = Agent(
    name="Comms",
    instructions="Help the marketing team draft and send customer communications.",
    tools=[send_sms, send_campaign, preview_link, read_upload, character_count],
)
