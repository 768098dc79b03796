"""Ids from URLs and forms: anything that is not a well-formed id is simply not found."""

from uuid import UUID

from django.http import Http404


def int_or_404(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404 from None


def uuid_or_404(value) -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise Http404 from None
