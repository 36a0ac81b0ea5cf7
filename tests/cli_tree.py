"""Every command of ``claims`` with its parameters, walked from the Typer app's click
command tree (never from a list kept by hand), for the tests of the help and the README."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import typer

from pipeline.cli import app


@dataclass(frozen=True)
class CommandInfo:
    path: tuple[str, ...]  # () for ``claims`` itself, ("patterns", "check") ...
    command: Any
    params: list[Any]  # its options and arguments, the help option included

    @property
    def name(self) -> str:
        return " ".join(("claims", *self.path))

    @property
    def is_group(self) -> bool:
        return hasattr(self.command, "commands")

    def options(self) -> list[Any]:
        return [p for p in self.params if p.param_type_name == "option"]

    def arguments(self) -> list[Any]:
        return [p for p in self.params if p.param_type_name == "argument"]


def commands() -> Iterator[CommandInfo]:
    """``claims`` and every command and group under it, depth first, in the app's order."""
    root = typer.main.get_command(app)

    def walk(command: Any, path: tuple[str, ...], parent: Any) -> Iterator[CommandInfo]:
        ctx = command.make_context(path[-1] if path else "claims", [], parent=parent, resilient_parsing=True)
        yield CommandInfo(path, command, command.get_params(ctx))
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, (*path, name), ctx)

    yield from walk(root, (), None)
