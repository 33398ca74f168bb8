"""The state every request and every open page sees: the last good site, its epoch, the errors.

The state is one frozen value replaced in one assignment, so a request reads either the
previous complete version or the new one, never a mixture. A listener (the server's event
loop) is told after each change, from the thread that made it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from timeline.serve.site import SiteVersion


@dataclass(frozen=True, slots=True)
class LiveState:
    """One moment of the session: the last good site (if any) and the errors of the last build."""

    epoch: int
    site: SiteVersion | None
    errors: tuple[str, ...] = ()


class Live:
    """The current :class:`LiveState`, and who to tell when it changes."""

    def __init__(self) -> None:
        self.state = LiveState(0, None)
        self._listener: Callable[[], None] | None = None

    def publish(self, site: SiteVersion) -> None:
        """Serve ``site`` from now on and clear the errors."""
        self._set(LiveState(self.state.epoch + 1, site))

    def fail(self, errors: tuple[str, ...]) -> None:
        """Keep serving the last good site and show ``errors``."""
        self._set(LiveState(self.state.epoch + 1, self.state.site, errors))

    def listen(self, listener: Callable[[], None] | None) -> None:
        """Call ``listener`` after every change, in the thread that made it (None: stop)."""
        self._listener = listener

    def _set(self, state: LiveState) -> None:
        self.state = state
        listener = self._listener
        if listener is not None:
            listener()
