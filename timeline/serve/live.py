"""The state every request and every open page sees: the last good site, its epoch, the errors.

The state is one frozen value replaced in one assignment, so a request reads either the
previous complete version or the new one, never a mixture. Open pages wait on a condition
and are told about each new state.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from timeline.serve.site import SiteVersion


@dataclass(frozen=True, slots=True)
class LiveState:
    """One moment of the session: the last good site (if any) and the errors of the last build."""

    epoch: int
    site: SiteVersion | None
    errors: tuple[str, ...] = ()


class Live:
    """The current :class:`LiveState` and the waiting room of the open pages."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._closed = False
        self.state = LiveState(0, None)

    def publish(self, site: SiteVersion) -> None:
        """Serve ``site`` from now on and clear the errors."""
        self._set(LiveState(self.state.epoch + 1, site))

    def fail(self, errors: tuple[str, ...]) -> None:
        """Keep serving the last good site and show ``errors``."""
        self._set(LiveState(self.state.epoch + 1, self.state.site, errors))

    def wait_after(self, epoch: int, timeout: float) -> LiveState | None:
        """The state once its epoch is not ``epoch`` (or after ``timeout``); None once closed."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or self.state.epoch != epoch, timeout)
            return None if self._closed else self.state

    def close(self) -> None:
        """Wake every waiting page so that its connection ends."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def _set(self, state: LiveState) -> None:
        with self._changed:
            self.state = state
            self._changed.notify_all()
