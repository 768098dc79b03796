"""What introduction pages show, in plain words. Presenters take what the selectors read and
the side the reader speaks for (`rules.side_for`); they never query."""

from dataclasses import dataclass, field

from ..easy_words import STEPS
from ..models import MEETING_STAGES, SaidFor, ShownHow, Side, Stage
from ..rules import REPRESENTATIVE, SCHEME, THEMSELVES
from ..wording import long_date

STAGE_STEPS = [Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.TRIAL_STAY, Stage.AGREEING, Stage.AGREED]


def _said(at, what: str) -> str:
    return what if at else "has not said yet"


def said_for_line(said, *, person_called: str, carer_name: str) -> dict:
    """One yes or no someone recorded for a side: what, and "Recorded by Jo Bloggs (scheme
    worker) for Sam: Sam said it in words"."""
    name = person_called if said.side == Side.PERSON else carer_name
    when = (
        f" after the {Stage(said.stage).label.lower()}" if said.what in ("carry_on", "stop") else ""
    )
    return {
        "what": SaidFor.What(said.what).label.capitalize() + when,
        "line": (
            f"Recorded by {said.recorded_by.display_name} ({said.recorded_as}) for {name}: "
            f"{name} {ShownHow(said.shown_how).label}"
        ),
        "note": said.note,
    }


def introduction_card(introduction, *, for_carer: bool) -> dict:
    """A line in a list of introductions: its stage, and whether it waits for the reader's yes."""
    waiting = introduction.carer_yes_at if for_carer else introduction.person_yes_at
    return {
        "introduction": introduction,
        "stage": Stage(introduction.stage).label,
        "waiting_for_us": introduction.stage == Stage.INTEREST and waiting is None,
    }


@dataclass
class MatchesPage:
    """The person's "My matches": households who might suit them, and where things stand."""

    person: object
    referral: object | None
    suggestions: list = field(default_factory=list)
    problem: str | None = None
    introductions: list = field(default_factory=list)
    arrangements: list = field(default_factory=list)
    open_carers: set = field(default_factory=set)
    own: bool = False  # the person reading their own matches (not someone acting for them)
    not_for_me: list = field(default_factory=list)  # households they said are not for them
    # The person or someone acting for them: they may say yes. Their worker reads the same page
    # but only asks why, and asks the person.
    deciding: bool = True

    @property
    def heading(self) -> str:
        return "Households who might suit you"


NOT_LOOKING = "You are not looking for a Shared Lives household at the moment."
STILL_FINDING_OUT = (
    "Your worker is still finding out what you are looking for. They will talk with "
    "you first; then the households who might suit you will be shown here."
)


def matches_page(found, *, own: bool, deciding: bool = True) -> MatchesPage:
    """The page, from `introductions.selectors.matches_for`; `deciding` is False for the
    person's worker, who sees what the person sees without a way to say yes for them."""
    page = MatchesPage(
        person=found.person,
        referral=found.referral,
        arrangements=found.arrangements,
        own=own,
        not_for_me=list(found.not_for_me),
        deciding=deciding,
    )
    if found.referral is None:
        page.problem = NOT_LOOKING
        return page
    page.introductions = [introduction_card(i, for_carer=False) for i in found.introductions]
    page.open_carers = {i.carer_id for i in found.introductions if i.is_open and i.person_yes_at}
    if found.suggestions is None:
        page.problem = STILL_FINDING_OUT
    else:
        page.suggestions = found.suggestions
    return page


@dataclass
class CarerRequestsPage:
    """A carer household's introduction requests, people it might suit, and its arrangements."""

    carer: object
    asking_us: list
    might_like: list
    introductions: list
    arrangements: list
    flags: list
    not_for_us: list = field(default_factory=list)


def carer_requests_page(found) -> CarerRequestsPage:
    """The page, from `introductions.selectors.carer_requests`."""
    asking = [
        i for i in found.introductions if i.stage == Stage.INTEREST and i.carer_yes_at is None
    ]
    return CarerRequestsPage(
        carer=found.carer,
        asking_us=asking,
        might_like=found.might_like,
        introductions=[i for i in found.introductions if i.is_open and i not in asking],
        arrangements=found.arrangements,
        flags=found.flags,
        not_for_us=list(found.not_for_us),
    )


@dataclass
class IntroductionPresenter:
    """One introduction, for whoever `side` says the reader speaks for (None: they only see)."""

    introduction: object
    side: str | None = None
    views: list = field(default_factory=list)  # what each side said after each meeting
    speaker: str | None = None  # THEMSELVES, REPRESENTATIVE, SCHEME (`rules.speaker_for`)
    said_for: list = field(default_factory=list)  # yeses and noes recorded for a side

    @property
    def speaks_for_itself(self) -> bool:
        return self.speaker == THEMSELVES

    @property
    def records_for_someone(self) -> bool:
        return self.speaker in (REPRESENTATIVE, SCHEME)

    @property
    def for_whom(self) -> str:
        """Whose answers the reader gives: "you", the person's name, or "someone"."""
        if self.speaker == THEMSELVES:
            return "you"
        return self.introduction.person.called if self.speaker == REPRESENTATIVE else "them"

    @property
    def meeting(self) -> str:
        """The meeting now, in lower case: "tea visit"."""
        return Stage(self.introduction.stage).label.lower()

    @property
    def view_heading(self) -> str:
        return f"How did the {self.meeting} go for {self.for_whom}?"

    @property
    def recorded_for_lines(self) -> list[dict]:
        i = self.introduction
        return [
            said_for_line(s, person_called=i.person.called, carer_name=i.carer.name)
            for s in self.said_for
        ]

    @property
    def can_record_yes_for_someone(self) -> bool:
        """The worker records a side's yes to meeting for them (the person asked for it)."""
        i = self.introduction
        return (
            self.is_worker
            and i.stage == Stage.INTEREST
            and not (i.person_yes_at and i.carer_yes_at)
        )

    @property
    def is_worker(self) -> bool:
        return self.side == SCHEME

    @property
    def own_side(self) -> str | None:
        return self.side if self.side in (Side.PERSON, Side.CARER) else None

    @property
    def title(self) -> str:
        i = self.introduction
        return f"{i.person.called} and {i.carer.name}"

    @property
    def stage_label(self) -> str:
        return Stage(self.introduction.stage).label

    @property
    def steps(self) -> list[dict]:
        stage = self.introduction.stage
        order = [*STAGE_STEPS, Stage.ARRANGED]
        current = order.index(stage) if stage in order else -1
        views = {(v.stage, v.side): v for v in self.views}
        return [
            {
                "label": Stage(s).label,
                "state": "done" if current > n else ("now" if current == n else "to come"),
                "person_view": views.get((s, Side.PERSON)),
                "carer_view": views.get((s, Side.CARER)),
            }
            for n, s in enumerate(STAGE_STEPS)
        ]

    @property
    def easy_steps(self) -> list[dict]:
        """The steps in easy read: a picture, the step's name and a sentence, and whether it is
        done, now or to come."""
        order = [Stage.INTEREST, *STAGE_STEPS, Stage.ARRANGED]
        stage = self.introduction.stage
        current = order.index(stage) if stage in order else -1
        out = []
        for n, s in enumerate(order[:-1]):
            picture, alt, name, sentence = STEPS[s]
            state = "Done" if current > n else ("Now" if current == n else "Later")
            out.append(
                {"picture": picture, "alt": alt, "name": name, "sentence": sentence, "state": state}
            )
        return out

    @property
    def easy_closed_text(self) -> str | None:
        i = self.introduction
        if i.stage != Stage.CLOSED:
            return None
        if i.closed_by_side == self.own_side:
            return "You said no. That is OK."
        who = i.person.called if i.closed_by_side == Side.PERSON else i.carer.name
        return f"{who} said no. That is OK. It is not your fault."

    @property
    def yes_status(self) -> list[str]:
        i = self.introduction
        return [
            f"{i.person.called}: {_said(i.person_yes_at, 'said yes to meeting')}",
            f"{i.carer.name}: {_said(i.carer_yes_at, 'said yes to meeting')}",
        ]

    @property
    def can_record_view(self) -> bool:
        i = self.introduction
        if i.stage not in MEETING_STAGES:
            return False
        if self.is_worker:
            return True
        said = {v.side for v in self.views if v.stage == i.stage}
        return self.own_side is not None and self.own_side not in said

    @property
    def can_say_yes(self) -> bool:
        i = self.introduction
        side = self.own_side
        return i.stage == Stage.INTEREST and (
            (side == Side.PERSON and not i.person_yes_at)
            or (side == Side.CARER and not i.carer_yes_at)
        )

    @property
    def can_agree(self) -> bool:
        i, side = self.introduction, self.own_side
        return i.stage == Stage.AGREEING and (
            (side == Side.PERSON and not i.person_agreed_at)
            or (side == Side.CARER and not i.carer_agreed_at)
        )

    @property
    def agreement_status(self) -> list[str]:
        i = self.introduction
        return [
            f"{i.person.called}: {'agrees' if i.person_agreed_at else 'has not said yet'}",
            f"{i.carer.name}: {'agrees' if i.carer_agreed_at else 'has not said yet'}",
        ]

    @property
    def can_decline(self) -> bool:
        return self.introduction.is_open and (self.own_side is not None or self.is_worker)

    @property
    def can_start_arrangement(self) -> bool:
        return self.introduction.stage == Stage.AGREED and self.is_worker

    @property
    def closed_text(self) -> str | None:
        i = self.introduction
        if i.stage != Stage.CLOSED:
            return None
        who = i.person.called if i.closed_by_side == Side.PERSON else i.carer.name
        return (
            f"{who} decided not to carry on on {long_date(i.closed_at.date())}. "
            "Nothing counts against anyone for saying no."
        )
