import logging
import os
import subprocess

import httpx
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("ops")
logger = logging.getLogger("ops")


# @label git_log: audit | constant program, list args, no shell, no log
@mcp.tool()
def git_log(ref: str) -> str:
    """Show git log for a ref."""
    out = subprocess.run(["git", "log", "--oneline", ref], capture_output=True, text=True)
    return out.stdout
# @end


# @label run_shell: exec | shell=True with model string, logger
@mcp.tool()
def run_shell(command: str) -> str:
    """Run a shell command."""
    logger.info("run_shell %s", command)
    cmd = command.strip()
    return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout
# @end


# @label get_setting: secret,audit | os.getenv with model key
@mcp.tool()
def get_setting(name: str) -> str:
    """Read a configuration setting."""
    key = name.upper()
    return os.getenv(key, "")
# @end


# @label weather: | constant env key, constant host f-string, logger
@mcp.tool()
def weather(city: str) -> str:
    """Current weather."""
    api_key = os.environ["WEATHER_API_KEY"]
    logger.info("weather %s", city)
    r = httpx.get(f"https://api.weather.example/v1/current?city={city}", headers={"key": api_key})
    return r.text
# @end


# @label calc: exec,audit | eval of model expression
@mcp.tool()
def calc(expression: str) -> str:
    """Evaluate arithmetic."""
    return str(eval(expression, {"__builtins__": {}}))
# @end


# @label run_tool: | allowlisted program via early return, list args, logger
@mcp.tool()
def run_tool(program: str, arg: str) -> str:
    """Run an allowed program."""
    if program not in {"ls", "wc"}:
        return "not allowed"
    logger.info("run_tool %s %s", program, arg)
    return subprocess.run([program, arg], capture_output=True, text=True).stdout
# @end
