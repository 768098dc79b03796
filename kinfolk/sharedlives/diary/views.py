"""Pages for the diary: suggest a meeting, say it suits, move it, cancel it, say it happened,
and add it to a calendar. Each acts through one service; nothing here moves a stage."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kinfolk.core.posting import acted, form_posted

from ..introductions.selectors import introduction_get
from ..rules import side_for
from . import selectors, services
from .calendar import meeting_ics
from .forms import CancelForm, MeetingForm
from .presenters import DiaryPresenter, MeetingLine


def diary_for(actor, introduction) -> DiaryPresenter:
    """The meetings part of the introduction page (its template includes `diary/_meetings`)."""
    return DiaryPresenter(
        introduction=introduction,
        side=side_for(actor, introduction),
        reader_id=actor.user.pk if actor.is_signed_in else None,
        now=timezone.now(),
        meetings=selectors.meetings_for_introduction(actor=actor, introduction=introduction),
    )


def _introduction_page(introduction_id) -> str:
    return reverse("sharedlives:introduction", args=[introduction_id]) + "#meetings"


def _when_and_where(data) -> dict:
    return {name: data[name] for name in ("day", "starts", "ends", "place", "getting_there",
                                          "last_day")}  # fmt: skip


@login_required
def meeting_propose(request, introduction_id):
    """Suggest a date, time and place for the introduction's current meeting."""
    introduction = introduction_get(actor=request.actor, introduction_id=introduction_id)
    services.planner_side(request.actor, introduction)
    form = MeetingForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.meeting_propose(
            actor=request.actor, introduction=introduction, **_when_and_where(data)
        ),
        said="Your suggestion has been sent. The others will say whether it suits them.",
        then=_introduction_page(introduction.pk),
    ):
        return done
    return render(
        request,
        "sharedlives/diary/meeting_form.jinja",
        {"form": form, "diary": diary_for(request.actor, introduction), "moving": None},
    )


@login_required
def meeting_move(request, meeting_id):
    """Suggest another time or place for a planned meeting."""
    meeting = selectors.meeting_get(actor=request.actor, meeting_id=meeting_id)
    introduction = meeting.introduction
    form = MeetingForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.meeting_move(
            actor=request.actor, meeting=meeting, **_when_and_where(data)
        ),
        said="The new time has been sent. The others will say whether it suits them.",
        then=_introduction_page(introduction.pk),
    ):
        return done
    diary = diary_for(request.actor, introduction)
    moving = MeetingLine(meeting, diary.side, diary.reader_id, diary.now)
    return render(
        request,
        "sharedlives/diary/meeting_form.jinja",
        {"form": form, "diary": diary, "moving": moving},
    )


@login_required
def meeting_cancel(request, meeting_id):
    """Cancel a planned meeting, saying why."""
    meeting = selectors.meeting_get(actor=request.actor, meeting_id=meeting_id)
    form = CancelForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.meeting_cancel(
            actor=request.actor, meeting=meeting, reason=data["reason"]
        ),
        said="The meeting has been cancelled. The introduction carries on.",
        then=_introduction_page(meeting.introduction_id),
    ):
        return done
    diary = diary_for(request.actor, meeting.introduction)
    line = MeetingLine(meeting, diary.side, diary.reader_id, diary.now)
    return render(
        request,
        "sharedlives/diary/meeting_cancel.jinja",
        {"form": form, "diary": diary, "line": line},
    )


@login_required
@require_POST
def meeting_accept(request, meeting_id):
    """A side says the suggested time and place suit them."""
    meeting = selectors.meeting_get(actor=request.actor, meeting_id=meeting_id)
    return acted(
        request,
        act=lambda: services.meeting_accept(actor=request.actor, meeting=meeting),
        said="You said this time suits you.",
        back=_introduction_page(meeting.introduction_id),
    )


@login_required
@require_POST
def meeting_held(request, meeting_id):
    """Say that an agreed meeting happened; each side then says how it went."""
    meeting = selectors.meeting_get(actor=request.actor, meeting_id=meeting_id)
    return acted(
        request,
        act=lambda: services.meeting_held(actor=request.actor, meeting=meeting),
        said="The meeting is marked as happened. Each side can now say how it went.",
        back=_introduction_page(meeting.introduction_id),
    )


@login_required
def meeting_calendar(request, meeting_id):
    """The meeting as a calendar file (.ics) to add to any calendar."""
    meeting = selectors.meeting_get(actor=request.actor, meeting_id=meeting_id)
    host = settings.KINFOLK_SITE_URL.split("//")[-1].split("/")[0].split(":")[0] or "kinfolk"
    body = meeting_ics(meeting, host=host, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="shared-lives-meeting-{meeting.pk}.ics"'
    )
    return response
