"""What the diary shows, in plain words, for whoever reads it. Presenters take what the selectors
read, the reader's side (`rules.side_for`) and the moment now; they never query."""

from dataclasses import dataclass, field
from datetime import datetime

from django.urls import reverse

from ..models import MEETING_STAGES, MeetingStatus, Side, Stage
from ..rules import SCHEME
from .calendar import summary_for
from .wording import meeting_times

WHO_DOES_WHAT = (
    "{person}, {carer} or the scheme worker can suggest a date, time and place for the {what}. "
    "The others then say whether it suits them, or suggest another. Planning a meeting does not "
    "decide anything: after it, each side says for themselves whether to carry on."
)


def _side_name(side: str, introduction) -> str:
    if side == Side.PERSON:
        return introduction.person.called
    if side == Side.CARER:
        return "the carer"
    return "the scheme worker"


@dataclass
class MeetingLine:
    """One meeting as a reader sees it: when, where, who suggested it, what it waits for, and
    what the reader can do with it."""

    meeting: object
    reader_side: str | None
    reader_id: int | None
    now: datetime

    @property
    def what(self) -> str:
        return Stage(self.meeting.stage).label

    @property
    def when(self) -> str:
        return meeting_times(self.meeting)

    @property
    def place(self) -> str:
        return self.meeting.place

    @property
    def getting_there(self) -> str:
        return self.meeting.getting_there

    @property
    def status(self) -> str:
        m = self.meeting
        if m.status == MeetingStatus.ACCEPTED and m.starts_at <= self.now:
            return "Has it happened?"
        return {
            MeetingStatus.PROPOSED: "Suggested",
            MeetingStatus.ACCEPTED: "Agreed: it suits both sides",
            MeetingStatus.MOVED: "Moved",
            MeetingStatus.CANCELLED: "Cancelled",
            MeetingStatus.HELD: "It happened",
        }[MeetingStatus(m.status)]

    @property
    def proposed_by(self) -> str:
        m = self.meeting
        if self.reader_id is not None and m.proposed_by_id == self.reader_id:
            return "Suggested by you"
        return f"Suggested by {_side_name(m.proposed_by_side, m.introduction)}"

    @property
    def waiting_for(self) -> list[str]:
        """Who has still to say the time suits them."""
        m = self.meeting
        if m.status != MeetingStatus.PROPOSED:
            return []
        waiting = []
        for side, said in ((Side.PERSON, m.person_suits_at), (Side.CARER, m.carer_suits_at)):
            if said:
                continue
            if side == self.reader_side:
                waiting.append("Waiting for you to say whether this time suits you")
            else:
                who = _side_name(side, m.introduction)
                waiting.append(f"Waiting for {who} to say whether this time suits them")
        return waiting

    @property
    def cancelled_text(self) -> str:
        m = self.meeting
        if m.status != MeetingStatus.CANCELLED:
            return ""
        return (
            f"Cancelled by {_side_name(m.cancelled_by_side, m.introduction)}: {m.cancelled_reason}"
        )

    @property
    def is_live(self) -> bool:
        return self.meeting.is_live and self.meeting.introduction.is_open

    @property
    def takes_part(self) -> bool:
        return self.reader_side is not None

    @property
    def can_say_it_suits(self) -> bool:
        m = self.meeting
        if not self.is_live or m.status != MeetingStatus.PROPOSED:
            return False
        return (self.reader_side == Side.PERSON and not m.person_suits_at) or (
            self.reader_side == Side.CARER and not m.carer_suits_at
        )

    @property
    def can_change(self) -> bool:
        return self.is_live and self.takes_part and self.meeting.starts_at > self.now

    @property
    def can_say_it_happened(self) -> bool:
        m = self.meeting
        return (
            self.is_live
            and self.takes_part
            and m.status == MeetingStatus.ACCEPTED
            and m.starts_at <= self.now
        )

    @property
    def asks_how_it_went(self) -> bool:
        """After it happened, while its stage is still the introduction's: each side's view."""
        m = self.meeting
        return (
            m.status == MeetingStatus.HELD and m.introduction.stage == m.stage and self.takes_part
        )

    @property
    def calendar_summary(self) -> str:
        return summary_for(self.meeting)

    @property
    def calendar_url(self) -> str:
        return reverse("sharedlives:meeting_calendar", args=[self.meeting.pk])


@dataclass
class DiaryPresenter:
    """The meetings part of an introduction's page."""

    introduction: object
    side: str | None
    reader_id: int | None
    now: datetime
    meetings: list = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.side is not None

    @property
    def lines(self) -> list[MeetingLine]:
        return [MeetingLine(m, self.side, self.reader_id, self.now) for m in self.meetings]

    @property
    def planned(self) -> list[MeetingLine]:
        """Meetings still planned, or just past and waiting to be marked, or held for this stage."""
        return [
            line for line in self.lines
            if line.is_live or line.asks_how_it_went
        ]  # fmt: skip

    @property
    def history(self) -> list[MeetingLine]:
        planned = {id(line.meeting) for line in self.planned}
        return [line for line in self.lines if id(line.meeting) not in planned]

    @property
    def stage_now(self) -> str | None:
        stage = self.introduction.stage
        return Stage(stage).label if stage in MEETING_STAGES else None

    @property
    def who_does_what(self) -> str:
        i = self.introduction
        if self.stage_now is None:
            return ""
        return WHO_DOES_WHAT.format(
            person=i.person.called, carer=i.carer.name, what=self.stage_now.lower()
        )

    @property
    def can_propose(self) -> bool:
        i = self.introduction
        if not self.shown or i.stage not in MEETING_STAGES:
            return False
        return not any(m.is_live and m.stage == i.stage for m in self.meetings)

    @property
    def is_worker(self) -> bool:
        return self.side == SCHEME


@dataclass(frozen=True)
class ComingUp:
    """A meeting on the home page: what, when, where and with whom (first names only)."""

    heading: str
    description: str
    href: str


def coming_up(meeting, *, reader_side: str | None) -> ComingUp:
    """A card for the home page's "What's coming"."""
    i = meeting.introduction
    if reader_side == Side.CARER:
        with_whom = i.person.called
    elif reader_side == Side.PERSON:
        with_whom = i.carer.name
    else:
        with_whom = f"{i.person.called} and {i.carer.name}"
    waiting = " Not agreed by both sides yet." if meeting.status == MeetingStatus.PROPOSED else ""
    return ComingUp(
        heading=f"{Stage(meeting.stage).label}: {meeting_times(meeting)}",
        description=f"With {with_whom}, at {meeting.place}.{waiting}",
        href=reverse("sharedlives:introduction", args=[i.pk]) + "#meetings",
    )
