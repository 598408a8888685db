"""Legacy AG2 (autogen 0.2 API) helpdesk pair, kept for the e-mail workflow."""
import os
import smtplib
from email.message import EmailMessage

from autogen import AssistantAgent, UserProxyAgent, register_function

from opsdesk.approvals import require_approval
from opsdesk.audit import log_tool_call
from opsdesk.config import SMTP_HOST, SMTP_PORT

LLM_CONFIG = {
    "config_list": [{"model": "gpt-4o", "api_key": os.environ.get("OPENAI_API_KEY")}],
    "temperature": 0,
}

assistant = AssistantAgent("helpdesk", llm_config=LLM_CONFIG)
executor = UserProxyAgent("executor", human_input_mode="NEVER", code_execution_config=False)

_FACTORS = {"kb": 1 / 1024, "mb": 1.0, "gb": 1024.0, "tb": 1024.0 * 1024.0}


def get_env_setting(name: str) -> str:
    """Return the value of a deployment setting so the assistant can explain it."""
    value = os.getenv(name, "")
    print(f"get_env_setting({name}) -> {len(value)} chars")
    return value or f"{name} is not set"


def convert_units(value: float, unit: str) -> str:
    """Convert a storage size in `unit` (kb/mb/gb/tb) to megabytes."""
    factor = _FACTORS.get(unit.lower())
    if factor is None:
        return f"unknown unit {unit!r}"
    return f"{value * factor:.2f} MB"


def send_customer_email(to: str, subject: str, body: str) -> str:
    """Send an e-mail to a customer from the helpdesk mailbox."""
    log_tool_call("send_customer_email", {"to": to, "subject": subject})
    require_approval("send_customer_email", {"to": to, "subject": subject, "body": body[:500]})
    msg = EmailMessage()
    msg["From"] = "helpdesk@opsdesk.example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT) as smtp:
        smtp.starttls()
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
    return f"sent to {to}"


register_function(
    get_env_setting,
    caller=assistant,
    executor=executor,
    name="get_env_setting",
    description="Read a deployment setting by name.",
)
register_function(
    convert_units,
    caller=assistant,
    executor=executor,
    name="convert_units",
    description="Convert storage sizes to MB.",
)
register_function(
    send_customer_email,
    caller=assistant,
    executor=executor,
    name="send_customer_email",
    description="E-mail a customer.",
)


def start(message: str) -> None:
    executor.initiate_chat(assistant, message=message, max_turns=6)
