"""The header's count of unread notifications, on every page for someone signed in."""

from .selectors import unread_count


def unread(request) -> dict:
    actor = getattr(request, "actor", None)
    if actor is None or getattr(actor, "area", None) is None:
        return {"unread_notifications": 0}
    return {"unread_notifications": unread_count(actor=actor)}
