"""SMTP mail delivery."""
import smtplib
from email.message import EmailMessage

from storefront import settings


def send_mail(to_addr, subject, body, from_addr=None):
    msg = EmailMessage()
    msg["From"] = from_addr or settings.DEFAULT_FROM_EMAIL
    msg["To"] = to_addr
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(settings.SMTP_HOST, settings.SMTP_PORT) as smtp:
        smtp.starttls()
        if settings.SMTP_USER:
            smtp.login(settings.SMTP_USER, settings.SMTP_PASSWORD)
        smtp.send_message(msg)
