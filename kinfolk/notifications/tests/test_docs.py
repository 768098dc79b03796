"""docs/notifications.md lists exactly the events and recurring jobs that exist, and each
event names a test file that exists."""

import re
from pathlib import Path

from kinfolk.notifications import events, schedules

ROOT = Path(__file__).resolve().parents[3]
DOC = (ROOT / "docs" / "notifications.md").read_text()


def _table_codes(heading: str) -> set[str]:
    section = DOC.split(f"## {heading}")[1].split("\n## ")[0]
    return set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", section, flags=re.M))


def test_every_event_is_listed_and_every_listed_event_exists():
    assert _table_codes("Events") == {event.code for event in events.all_events()}


def test_every_recurring_job_is_listed_and_every_listed_job_exists():
    assert _table_codes("Recurring jobs") == {job.code for job in schedules.jobs()}


def test_each_event_names_a_test_that_exists():
    named = re.findall(r"`([a-z_/]+/tests/[a-z_/]+\.py)`", DOC)
    assert named
    for path in named:
        assert (ROOT / "kinfolk" / path.removeprefix("kinfolk/")).exists(), path
