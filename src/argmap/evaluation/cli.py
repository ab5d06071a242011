"""``argmap evaluate``: the harness's command line (temporary: forwards to argmap.evaluate)."""

from __future__ import annotations

from ..evaluate import main

__all__ = ["main"]
