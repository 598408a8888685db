"""Configuration and credential tools for the back-office agent."""
from __future__ import annotations

import configparser
import logging
import os
from pathlib import Path

import httpx
import keyring
from langsmith import traceable

logger = logging.getLogger(__name__)


def get_setting(name: str) -> str:
    """Return the value of a runtime setting of the service."""
    value = os.getenv(name)
    return value if value is not None else f"{name} is not set"


@traceable(name="get_weather")
def get_weather(city: str) -> str:
    """Current weather for a city (used for delivery estimates)."""
    api_key = os.environ["WEATHER_API_KEY"]
    resp = httpx.get(
        "https://api.weather.example.com/v1/current",
        params={"q": city, "key": api_key},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["summary"]


def read_cloud_profile(profile: str = "default") -> dict:
    """Return the AWS settings of a named profile."""
    logger.info("reading aws profile %s", profile)
    parser = configparser.ConfigParser()
    parser.read(Path.home() / ".aws" / "credentials")
    return dict(parser[profile])


def get_integration_secret(integration: str) -> str:
    """Fetch the stored secret for a third-party integration."""
    logger.info("secret lookup for integration %s", integration)
    secret = keyring.get_password("agentsvc", integration)
    return secret or ""
