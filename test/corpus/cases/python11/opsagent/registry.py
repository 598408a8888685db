"""Tool registration.

Two styles are supported:

* module-level coroutines decorated with :func:`register_tool` — a thin wrapper
  around LangChain's ``@tool`` that also records the tool in the registry;
* coroutine methods of service classes decorated with :func:`agent_tool`.  The
  services are built with their dependencies in ``opsagent.agent`` and bound
  with :meth:`ToolRegistry.bind_service`, which wraps every marked bound method
  in a ``StructuredTool``.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from langchain_core.tools import BaseTool, StructuredTool
from langchain_core.tools import tool as lc_tool

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])

_MODULE_TOOLS: dict[str, BaseTool] = {}


@dataclass(frozen=True)
class ToolSpec:
    name: str
    description: str
    tags: tuple[str, ...] = ()
    return_direct: bool = False


def register_tool(
    name: str | None = None,
    *,
    description: str | None = None,
    tags: Iterable[str] = (),
    return_direct: bool = False,
) -> Callable[[F], BaseTool]:
    """Declare a module-level coroutine as an agent tool."""

    def decorator(fn: F) -> BaseTool:
        tool_name = name or fn.__name__
        if tool_name in _MODULE_TOOLS:
            raise ValueError(f"tool {tool_name!r} registered twice")
        wrapped = lc_tool(
            tool_name,
            description=description or inspect.getdoc(fn),
            return_direct=return_direct,
        )(fn)
        wrapped.tags = list(tags)
        _MODULE_TOOLS[tool_name] = wrapped
        return wrapped

    return decorator


def agent_tool(
    name: str | None = None,
    *,
    description: str | None = None,
    tags: Iterable[str] = (),
) -> Callable[[F], F]:
    """Mark a service coroutine method as an agent tool (bound later)."""

    def mark(fn: F) -> F:
        if not inspect.iscoroutinefunction(fn):
            raise TypeError(f"{fn.__qualname__} must be async to be exposed as a tool")
        fn.__agent_tool__ = ToolSpec(  # type: ignore[attr-defined]
            name=name or fn.__name__,
            description=description or inspect.getdoc(fn) or "",
            tags=tuple(tags),
        )
        return fn

    return mark


class ToolRegistry:
    def __init__(self) -> None:
        self._tools: dict[str, BaseTool] = {}

    @classmethod
    def from_module_tools(cls) -> ToolRegistry:
        registry = cls()
        for tool in _MODULE_TOOLS.values():
            registry.add(tool)
        return registry

    def add(self, tool: BaseTool) -> None:
        if tool.name in self._tools:
            raise ValueError(f"tool {tool.name!r} registered twice")
        self._tools[tool.name] = tool

    def bind_service(self, service: object) -> ToolRegistry:
        for attr, member in inspect.getmembers(type(service), inspect.iscoroutinefunction):
            spec: ToolSpec | None = getattr(member, "__agent_tool__", None)
            if spec is None:
                continue
            bound = getattr(service, attr)
            self.add(
                StructuredTool.from_function(
                    coroutine=bound,
                    name=spec.name,
                    description=spec.description,
                    tags=list(spec.tags),
                )
            )
        return self

    def tools(self) -> list[BaseTool]:
        return list(self._tools.values())

    def names(self) -> list[str]:
        return sorted(self._tools)
