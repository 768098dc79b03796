"""The .ics file: RFC 5545 lines (CRLF, folded at 75 octets, escaped text), one VEVENT with a
UID, a stamp, UTC times, a summary with no names or health details, and the place."""

import re
from datetime import UTC, datetime
from types import SimpleNamespace

from kinfolk.sharedlives.diary.calendar import escaped, folded, meeting_ics

CONTENT_LINE = re.compile(r"^[A-Z-]+(;[^:]*)?:.*$")
UTC_TIME = re.compile(r"^\d{8}T\d{6}Z$")


def strict_parse(body: str) -> list[dict]:
    """A small strict reader: every line ends CRLF and is at most 75 octets; folded lines are
    unfolded; the calendar holds VEVENTs with the properties RFC 5545 requires."""
    assert body.endswith("\r\n")
    raw = body[:-2].split("\r\n")
    for line in raw:
        assert "\n" not in line and "\r" not in line
        assert len(line.encode("utf-8")) <= 75, line
    lines = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    calendar = dict(line.split(":", 1) for line in lines[1:] if not line.startswith(" "))
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events, current = [], None
    for line in lines[1:-1]:
        assert CONTENT_LINE.match(line), line
        name, value = line.split(":", 1)
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
                assert required in current, required
            for moment in ("DTSTAMP", "DTSTART", "DTEND"):
                assert UTC_TIME.match(current[moment]), current[moment]
            assert current["DTEND"] > current["DTSTART"]
            events.append(current)
            current = None
        elif current is not None:
            assert name not in current, f"{name} twice"
            current[name] = value
    return events


def _unescaped(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], value)


def _meeting(**changes):
    fields = dict(
        pk=42,
        stage="tea_visit",
        starts_at=datetime(2027, 7, 1, 13, 0, tzinfo=UTC),
        ends_at=datetime(2027, 7, 1, 15, 0, tzinfo=UTC),
        place="Café at the library, Northgate; ask for \\the\\ back room",
        getting_there="Bus 503.\nStep-free entrance on the left",
    )
    fields.update(changes)
    return SimpleNamespace(**fields)


def test_a_meeting_is_one_event_any_calendar_can_read():
    body = meeting_ics(_meeting(), host="kinfolk.example", now=datetime(2027, 6, 1, tzinfo=UTC))
    [event] = strict_parse(body)
    assert event["UID"] == "meeting-42@kinfolk.example"
    assert event["DTSTART"] == "20270701T130000Z" and event["DTEND"] == "20270701T150000Z"
    assert event["SUMMARY"] == "Shared Lives tea visit"
    assert _unescaped(event["LOCATION"]) == _meeting().place
    assert _unescaped(event["DESCRIPTION"]).endswith("Step-free entrance on the left")


def test_long_lines_are_folded_without_splitting_a_character():
    body = meeting_ics(_meeting(place="Café " * 40), host="h", now=datetime(2027, 6, 1, tzinfo=UTC))
    [event] = strict_parse(body)
    assert _unescaped(event["LOCATION"]) == "Café " * 40
    assert folded("X" * 75) == "X" * 75 and folded("X" * 76) == "X" * 75 + "\r\n X"


def test_text_is_escaped():
    assert escaped("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_the_strict_reader_refuses_a_broken_file():
    import pytest

    with pytest.raises(AssertionError):
        strict_parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "X" * 80 + "\r\nEND:VCALENDAR\r\n")
    with pytest.raises(AssertionError):
        strict_parse("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
