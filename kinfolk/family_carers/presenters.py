"""What the family carers' pages show: no queries, no writes."""

from dataclasses import dataclass, field

from django.utils import timezone

from .models import BackupContact, CardOpening, CaredFor, EmergencyPlan

# The plan in the order someone arriving in an emergency needs it.
FIRST = ["can_be_left", "medicines", "medicines_kept", "allergies"]
THEN = [
    "needs",
    "mobility",
    "communication",
    "routines",
    "behaviour",
    "gp",
    "pharmacy",
    "services",
    "pets",
    "keys_where",
    "keys_held_by",
]
NOT_WRITTEN = "Not written yet"


def _at(moment) -> str:
    return f"{timezone.localtime(moment):%H:%M on %-d %B %Y}" if moment else ""


@dataclass(frozen=True)
class Row:
    label: str
    value: str


def _rows(plan: EmergencyPlan, names: list[str]) -> list[Row]:
    return [
        Row(str(plan._meta.get_field(name).verbose_name), getattr(plan, name) or NOT_WRITTEN)
        for name in names
    ]


@dataclass(frozen=True)
class ContactLine:
    rank: int
    name: str
    phone: str
    tel: str
    relationship: str
    status: str
    confirmed: bool
    pk: int


def contact_lines(contacts: list[BackupContact], *, confirmed_only: bool = False) -> list:
    """Back-up contacts as the plan shows them: in order, with whether they agreed."""
    lines = []
    for contact in contacts:
        if contact.declined_at:
            status = "Said they cannot"
        elif contact.confirmed:
            status = "Confirmed"
        else:
            status = "Not confirmed yet"
        if confirmed_only and not contact.confirmed:
            continue
        lines.append(
            ContactLine(
                contact.rank,
                contact.name,
                contact.phone,
                "".join(ch for ch in contact.phone if ch.isdigit() or ch == "+"),
                contact.relationship,
                status,
                contact.confirmed,
                contact.pk,
            )
        )
    return lines


def call_line(call) -> str:
    """'Called Aisha at 02:14: coming'."""
    return (
        f"Called {call.contact.name} at {timezone.localtime(call.called_at):%H:%M}: "
        f"{call.get_answer_display().lower()}"
    )


@dataclass(frozen=True)
class OpeningLine:
    who: str
    opened_at: str
    ends_at: str
    calls: list


def opening_lines(openings: list[CardOpening]) -> list[OpeningLine]:
    """Each use of the card: who opened the plan, when, and the calls they made."""
    return [
        OpeningLine(
            f"{o.user.display_name} ({o.get_opened_as_display().lower()})",
            _at(o.opened_at),
            _at(o.ends_at),
            [call_line(c) for c in o.calls.all()],
        )
        for o in openings
    ]


@dataclass(frozen=True)
class PlanPage:
    """A plan as its carer, the cared-for person or those they chose see it."""

    cared_for: CaredFor
    contacts: list
    card: object | None
    openings: list
    may_change: bool
    may_raise_concern: bool = False  # linked, and the reader is close to the person
    first: list = field(init=False)
    then: list = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "first", _rows(self.cared_for.plan, FIRST))
        object.__setattr__(self, "then", _rows(self.cared_for.plan, THEN))

    @property
    def status(self) -> str:
        cared_for = self.cared_for
        if cared_for.linked:
            return "Linked to their Kinfolk record: they agreed"
        if cared_for.waiting:
            return "Waiting for them to agree to the link"
        if cared_for.declined_at:
            return "They did not agree to the link: this plan is yours alone"
        return "Known only in your plan"

    @property
    def card_number(self) -> str:
        return self.card.grouped if self.card else ""

    @property
    def card_issued(self) -> str:
        return _at(self.card.issued_at) if self.card else ""


@dataclass(frozen=True)
class OpenedPlan:
    """A plan opened with its card, for the responder or back-up contact, in the order they
    need it: how long they can be left, medicines, allergies, who to call."""

    opening: CardOpening
    contacts: list
    calls: list
    first: list = field(init=False)
    then: list = field(init=False)

    def __post_init__(self):
        plan = self.opening.card.plan
        object.__setattr__(self, "first", _rows(plan, FIRST))
        object.__setattr__(self, "then", _rows(plan, THEN))

    @property
    def name(self) -> str:
        return self.opening.card.plan.cared_for.name

    @property
    def carer(self) -> str:
        return self.opening.card.plan.cared_for.carer.display_name

    @property
    def ends_at(self) -> str:
        return _at(self.opening.ends_at)


def ended_at(opening: CardOpening) -> str:
    """When someone's time with an opened plan ended, in words."""
    return _at(opening.ends_at)
