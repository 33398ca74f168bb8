"""The ``timeline`` command (click): the group and its commands.

``content.py``: ``build``, ``check``, ``extract``; ``site.py``: ``new``, ``serve``,
``deploy``; ``common.py``: what they share; ``inspect.py``: what ``check`` and ``extract``
print. Each command imports the stages it runs inside it: a command loads only its own
code, and a build with nothing changed none of the stages it skips.
"""

from __future__ import annotations

import logging
import signal
import sys
from types import FrameType

import click

from timeline import DISTRIBUTION
from timeline.cli.content import build, check, extract
from timeline.cli.site import deploy, new, serve

__all__ = ["main", "run"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name=DISTRIBUTION)
@click.option("-v", "--verbose", is_flag=True, help="Show each stage's timing and tracebacks.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def main(verbose: bool, quiet: bool) -> None:
    """Turn news articles into one dated, sourced timeline and publish it as a static site."""
    level = logging.DEBUG if verbose else logging.ERROR if quiet else logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """SIGTERM stops a command as Ctrl-C does: what it was writing is cleaned up."""
    raise KeyboardInterrupt


for command in (build, check, new, deploy, serve, extract):
    main.add_command(command)


def run() -> None:
    """The ``timeline`` command as a program."""
    main()
