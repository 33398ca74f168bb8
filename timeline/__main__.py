"""``python -m timeline`` runs the ``timeline`` command."""

from timeline.cli import run

run()
