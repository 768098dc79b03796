"""What Kinfolk can tell people about: each event's message for email and text.

An email or text message never carries a name or a health detail: it says only that there is
something to see and links to sign in, where the notification centre says the rest. Each app
registers its events from its AppConfig.ready(); a test fails if a message could carry a name.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """Something someone can be told about."""

    code: str  # "<app>.<what_happened>", also the audit and delivery record's template code
    message: str  # for email and text: no names, no health details
    easy_read: str  # the same in short, plain words


_events: dict[str, Event] = {}


def register(event: Event) -> Event:
    """Add (or replace, on reload) an event."""
    _events[event.code] = event
    return event


def event(code: str) -> Event:
    """The event with this code; a mistake if no app registered it."""
    try:
        return _events[code]
    except KeyError:
        raise LookupError(f"No app registered the notification event {code!r}.") from None


def all_events() -> list[Event]:
    """Every registered event, by code."""
    return sorted(_events.values(), key=lambda item: item.code)


DIGEST = "notifications.daily_digest"
TEST_MESSAGE = "notifications.test_message"


def register_core_events() -> None:
    """The notification centre's own events."""
    register(
        Event(
            DIGEST,
            message="You have new notifications in Kinfolk. Sign in to see them.",
            easy_read="You have new messages in Kinfolk. Sign in to see them.",
        )
    )
    register(
        Event(
            TEST_MESSAGE,
            message="This is a test message from Kinfolk: your messages reach you.",
            easy_read="This is a test message from Kinfolk.",
        )
    )
