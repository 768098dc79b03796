"""A meeting as an iCalendar file (RFC 5545) that any calendar can add: one VEVENT, times in
UTC, a summary that says only what kind of Shared Lives meeting it is (no names, no health
details: calendars are often shared and synced to other services), and the place."""

from datetime import UTC, datetime

from ..models import Stage

PRODUCT = "-//Kinfolk//Shared Lives diary//EN"
FOLD_AT = 75  # octets per line, not counting the line break (RFC 5545 3.1)


def escaped(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and new lines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def folded(line: str) -> str:
    """One content line, folded at 75 octets without splitting a UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = FOLD_AT if not parts else FOLD_AT - 1  # continuation lines start with a space
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def summary_for(meeting) -> str:
    """What the calendar shows: "Shared Lives tea visit"."""
    return f"Shared Lives {Stage(meeting.stage).label.lower()}"


def meeting_ics(meeting, *, host: str, now: datetime) -> str:
    """The calendar file for one meeting. The UID stays the same for the meeting's row, so
    adding it twice updates rather than duplicates."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{_utc(now)}",
        f"DTSTART:{_utc(meeting.starts_at)}",
        f"DTEND:{_utc(meeting.ends_at)}",
        f"SUMMARY:{escaped(summary_for(meeting))}",
        f"LOCATION:{escaped(meeting.place)}",
    ]
    if meeting.getting_there:
        lines.append(f"DESCRIPTION:{escaped('Getting there: ' + meeting.getting_there)}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(folded(line) + "\r\n" for line in lines)
