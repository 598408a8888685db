from __future__ import annotations

import smtplib
from email.message import EmailMessage


class Mailer:
    def __init__(self, host: str, sender: str) -> None:
        self.host = host
        self.sender = sender

    def send(self, to: str, subject: str, body: str) -> None:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = to
        msg["Subject"] = subject
        msg.set_content(body)
        with smtplib.SMTP(self.host, 587) as smtp:
            smtp.starttls()
            smtp.send_message(msg)
