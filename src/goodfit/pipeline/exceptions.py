from __future__ import annotations

from typing import Any


class StaleVersionError(Exception):
    """Someone saved the deal after it was loaded: refuse instead of overwriting.

    ``current`` is the deal as it is now, so the caller can show the current values.
    """

    def __init__(self, current: Any) -> None:
        self.current = current
        super().__init__(
            f"This deal was changed by someone else (now version {current.version}). "
            "Your changes were not saved; review the current values and save again."
        )
