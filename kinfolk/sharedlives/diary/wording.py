"""The words the diary uses for when and where a meeting is, in England's time."""

from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def clock(moment) -> str:
    """2pm, 2:30pm, 12 noon, in England's time."""
    local = moment.astimezone(LONDON)
    if (local.hour, local.minute) == (12, 0):
        return "12 noon"
    hour = local.hour % 12 or 12
    minutes = f":{local.minute:02d}" if local.minute else ""
    return f"{hour}{minutes}{'am' if local.hour < 12 else 'pm'}"


def day_words(moment) -> str:
    """Tuesday 1 December 2026, in England's time."""
    local = moment.astimezone(LONDON)
    return f"{local:%A} {local.day} {local:%B %Y}"


def meeting_times(meeting) -> str:
    """Tuesday 1 December 2026, 2pm to 4pm; or across days for a stay."""
    starts, ends = meeting.starts_at.astimezone(LONDON), meeting.ends_at.astimezone(LONDON)
    if starts.date() == ends.date():
        return f"{day_words(starts)}, {clock(starts)} to {clock(ends)}"
    return f"{day_words(starts)}, {clock(starts)}, to {day_words(ends)}, {clock(ends)}"


def meeting_when(meeting) -> str:
    """When and where: "Tuesday 1 December 2026, 2pm to 4pm, at Café at the library"."""
    return f"{meeting_times(meeting)}, at {meeting.place}"
