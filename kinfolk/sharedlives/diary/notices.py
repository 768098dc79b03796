"""What people are told about an introduction's meetings: one is proposed, one was moved, and
(the daily job) one is tomorrow. The other side(s) and the person's scheme worker are told,
never the one who did it. Email and text say only the event's fixed sentence (no names, no
health details) and link to sign in; the notification centre says which meeting and when."""

from datetime import date, timedelta

from django.urls import reverse

from kinfolk.notifications.events import Event, register
from kinfolk.notifications.schedules import DAILY, Job, day_bounds, register_job
from kinfolk.notifications.services import Notice, tell, tell_many
from kinfolk.people.notices import allocated_workers, speaking_for

from ..models import IN_PROGRESS_STAGES, Meeting, MeetingStatus, Stage
from .wording import meeting_when

PROPOSED = "sharedlives.meeting_proposed"
MOVED = "sharedlives.meeting_moved"
CANCELLED = "sharedlives.meeting_cancelled"
TOMORROW = "sharedlives.meeting_tomorrow"


def everyone_meeting(meeting: Meeting) -> list:
    """Whoever takes part in a meeting: the person (if they sign in) and whoever acts for them,
    the household's carer, and the person's allocated scheme worker."""
    introduction = meeting.introduction
    household = [introduction.carer.user] if introduction.carer.user_id else []
    people = speaking_for(introduction.person) + household + allocated_workers(introduction.person)
    seen, unique = set(), []
    for user in people:
        if user.pk not in seen:
            seen.add(user.pk)
            unique.append(user)
    return unique


def _link(meeting: Meeting) -> str:
    return reverse("sharedlives:introduction", args=[meeting.introduction_id]) + "#meetings"


def _what(meeting: Meeting) -> str:
    return Stage(meeting.stage).label


def _tell_the_others(
    meeting: Meeting, *, event: str, text: str, key: str, but: int | None = None
) -> None:
    """Everyone taking part but whoever did it (`but`; by default, who proposed the meeting)."""
    doer = meeting.proposed_by_id if but is None else but
    for user in everyone_meeting(meeting):
        if user.pk == doer:
            continue
        tell(recipient=user, area=meeting.area, event=event, text=text, key=key,
             link=_link(meeting), about=meeting.introduction.person)  # fmt: skip


def meeting_proposed(meeting: Meeting) -> None:
    """A meeting was proposed: the others are asked whether it suits them."""
    _tell_the_others(
        meeting, event=PROPOSED, key=f"meeting-{meeting.pk}-proposed",
        text=f"{_what(meeting)} proposed for {meeting_when(meeting)}. Does it suit you?",
    )  # fmt: skip


def meeting_moved(meeting: Meeting) -> None:
    """A meeting was moved to another time or place: the others are asked again."""
    _tell_the_others(
        meeting, event=MOVED, key=f"meeting-{meeting.pk}-moved",
        text=f"{_what(meeting)} moved to {meeting_when(meeting)}. Does it suit you?",
    )  # fmt: skip


def meeting_cancelled(meeting: Meeting, *, by) -> None:
    """A meeting was called off: the others are told, so nobody turns up to it."""
    _tell_the_others(
        meeting, event=CANCELLED, key=f"meeting-{meeting.pk}-cancelled", but=by.pk,
        text=f"{_what(meeting)} on {meeting_when(meeting)} is cancelled: "
             f"{meeting.cancelled_reason}",
    )  # fmt: skip


def remind_tomorrow(day: date) -> str:
    """Tell everyone taking part in an agreed meeting that starts tomorrow; once per meeting."""
    start, end = day_bounds(day + timedelta(days=1))
    meetings = (
        Meeting.objects.filter(
            status=MeetingStatus.ACCEPTED,
            starts_at__gte=start,
            starts_at__lt=end,
            introduction__stage__in=IN_PROGRESS_STAGES,
        )
        .select_related("area", "introduction__person", "introduction__carer__user")
        .order_by("starts_at")
    )
    notices = [
        Notice(user, meeting.area, TOMORROW,
               f"{_what(meeting)} tomorrow: {meeting_when(meeting)}.",
               f"meeting-{meeting.pk}-tomorrow", _link(meeting), meeting.introduction.person)
        for meeting in meetings
        for user in everyone_meeting(meeting)
    ]  # fmt: skip
    return f"told:{tell_many(notices)}"


def register_events() -> None:
    """The diary's events and its daily "your meeting is tomorrow" job (from AppConfig.ready())."""
    register(Event(PROPOSED, "A Shared Lives meeting has been proposed. Sign in to say whether "
                   "it suits you.", "Someone has asked to meet. Sign in to say if the time is "
                   "good for you."))  # fmt: skip
    register(Event(MOVED, "A Shared Lives meeting has been moved. Sign in to see the new time.",
                   "A meeting has a new time. Sign in to see it."))  # fmt: skip
    register(Event(CANCELLED, "A Shared Lives meeting has been cancelled. Sign in to see which.",
                   "A meeting will not happen. Sign in to see which one."))  # fmt: skip
    register(Event(TOMORROW, "You have a Shared Lives meeting tomorrow. Sign in to see where "
                   "and when.", "You have a meeting tomorrow. Sign in to see it."))  # fmt: skip
    register_job(Job("sharedlives.meetings_tomorrow", "Remind about meetings tomorrow", DAILY,
                     remind_tomorrow, reminds=True))  # fmt: skip
