"""Approval helpers shared by the payment tools."""
import logging

logger = logging.getLogger("approvals")


def request_approval(action: str, details: dict) -> bool:
    answer = input(f"Approve {action} {details}? [y/N] ")
    return answer.strip().lower() == "y"


def log_action(action: str, **fields) -> None:
    logger.info("action=%s %s", action, fields)
