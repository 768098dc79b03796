"""Buttons that only act, for Shared Lives pages: now in `kinfolk.core.posting` for every app."""

from kinfolk.core.posting import acted, acted_on

__all__ = ["acted", "acted_on"]
