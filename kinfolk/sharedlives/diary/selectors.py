"""Reads for the diary: one meeting, an introduction's meetings, and what is coming for the
reader. Only the two sides and the person's scheme worker see an introduction's meetings."""

from django.db.models import Q
from django.utils import timezone

from kinfolk.core.audit import audit_list_view
from kinfolk.core.permissions import can, require
from kinfolk.core.records import record_for

from ..models import IN_PROGRESS_STAGES, Introduction, Meeting, MeetingStatus

ONLY_THOSE_MEETING = "These meetings are between other people."


def meeting_get(*, actor, meeting_id) -> Meeting:
    """A meeting, for either side of its introduction or the person's scheme worker."""
    return record_for(
        actor,
        Meeting.objects.select_related(
            "introduction", "introduction__person", "introduction__person__area",
            "introduction__carer", "area",
        ),
        meeting_id,
        permission="sharedlives.plan_meeting",
        checked_on=lambda meeting: meeting.introduction,
        refusal=ONLY_THOSE_MEETING,
    )  # fmt: skip


def meetings_for_introduction(*, actor, introduction: Introduction) -> list[Meeting]:
    """Every meeting planned for an introduction, earliest first (moved and cancelled ones too),
    if the reader takes part in them; otherwise none."""
    if not can(actor, "sharedlives.plan_meeting", introduction):
        return []
    return list(
        Meeting.objects.in_area(introduction.area)
        .filter(introduction=introduction)
        .select_related("proposed_by")
        .order_by("starts_at", "pk")
    )


def meetings_of_introduction(*, actor, introduction_id) -> list[Meeting]:
    """An introduction's meetings (the API): for either side or the person's scheme worker;
    anyone else is refused, and another area's introduction is not found."""
    from ..introductions.selectors import introduction_get

    introduction = introduction_get(actor=actor, introduction_id=introduction_id)
    require(
        actor,
        "sharedlives.plan_meeting",
        introduction,
        about=introduction.person,
        message=ONLY_THOSE_MEETING,
    )
    return meetings_for_introduction(actor=actor, introduction=introduction)


def upcoming_meetings(*, actor, limit: int = 3) -> list[Meeting]:
    """The reader's next planned meetings (proposed or agreed, not yet started), for introductions
    still under way: as one side, or as the person's allocated worker. Read as one list view."""
    if not actor.is_signed_in or actor.area is None:
        return []
    user = actor.user
    theirs = (
        Q(introduction__carer__user=user)
        | Q(introduction__person__user=user)
        | Q(
            introduction__person__grants__grantee=user,
            introduction__person__grants__revoked_at__isnull=True,
        )
        | Q(
            introduction__person__assignments__worker=user,
            introduction__person__assignments__ended_at__isnull=True,
        )
    )
    found = (
        Meeting.objects.in_area(actor.area)
        .filter(theirs)
        .filter(
            status__in=[MeetingStatus.PROPOSED, MeetingStatus.ACCEPTED],
            starts_at__gte=timezone.now(),
            introduction__stage__in=IN_PROGRESS_STAGES,
        )
        .select_related("introduction", "introduction__person", "introduction__carer")
        .distinct()
        .order_by("starts_at")
    )
    meetings = [m for m in found[: limit * 4] if can(actor, "sharedlives.plan_meeting",
                                                      m.introduction)][:limit]  # fmt: skip
    if meetings:
        audit_list_view(actor=actor, target_type="meeting_list", count=len(meetings))
    return meetings
