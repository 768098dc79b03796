"""What arrangement pages show, and the payments export. Presenters take what the selectors
read and the side the reader speaks for; they never query."""

from dataclasses import dataclass, field
from datetime import date

from .. import policy
from ..models import ArrangementStatus, Side
from ..rules import SCHEME
from ..scheme import RATE_UNITS, scheme_settings
from ..wording import TYPE_WORDS, long_date

PAYMENTS_CSV_HEADER = [
    "arrangement",
    "carer",
    "person_initials",
    "arrangement_type",
    "band",
    "rate_pence",
    "per",
    "quantity",
    "amount_pence",
    "amount",
]


def _signed(name: str, by_person: date | None, by_carer: date | None) -> str:
    return f"by {name} on {long_date(by_person)}, by the carer on {long_date(by_carer)}"


@dataclass
class ArrangementPresenter:
    """One arrangement, for whoever `side` says the reader speaks for (`rules.side_for`)."""

    arrangement: object
    side: str | None = None
    review_list: list = field(default_factory=list)  # from reviews_for_arrangement
    today: date = field(default_factory=date.today)

    @property
    def title(self) -> str:
        a = self.arrangement
        return f"{a.person.called} with {a.carer.name}"

    @property
    def is_worker(self) -> bool:
        return self.side == SCHEME

    @property
    def is_a_side(self) -> bool:
        return self.side in (Side.PERSON, Side.CARER)

    @property
    def is_active(self) -> bool:
        return self.arrangement.status == ArrangementStatus.ACTIVE

    @property
    def rows(self) -> list[dict]:
        a = self.arrangement
        rate = scheme_settings().bands[a.arrangement_type][a.band]
        rows = [
            ("Kind", TYPE_WORDS[a.arrangement_type]),
            ("Started", long_date(a.starts_on)),
            (
                "Both agreed",
                f"{long_date(a.person_agreed_at.date())} and {long_date(a.carer_agreed_at.date())}",
            ),
            (
                "Arrangement Agreement signed",
                _signed(
                    a.person.called, a.agreement_signed_by_person_on, a.agreement_signed_by_carer_on
                ),
            ),
        ]
        if a.arrangement_type == "long_term":
            rows.append(
                (
                    "Licence Agreement signed",
                    _signed(
                        a.person.called, a.licence_signed_by_person_on, a.licence_signed_by_carer_on
                    ),
                )
            )
        rows.append(
            ("Payment", f"Band {a.band}: £{rate / 100:,.2f} a {RATE_UNITS[a.arrangement_type]}")
        )
        if a.status == ArrangementStatus.ENDED:
            rows += [
                (
                    "Ended",
                    f"{long_date(a.ended_on)}, asked for by {Side(a.ended_by_side).label.lower()}",
                ),
                ("Why", a.end_reason),
                ("What happens next", a.next_step or "Not recorded"),
            ]
        return [{"key": {"text": k}, "value": {"text": v}} for k, v in rows]

    @property
    def reviews(self) -> list:
        return [
            {"review": r, "state": policy.review_state(r, self.today)} for r in self.review_list
        ]

    @property
    def easy_lines(self) -> list[tuple[str, str, str]]:
        """My agreement in easy read, for the person: (picture, alt text, sentence)."""
        a = self.arrangement
        what = {
            "long_term": ("1F3E0", "A house", f"I live with {a.carer.name}."),
            "short_breaks": ("1F9F3", "A suitcase", f"I have short breaks with {a.carer.name}."),
            "day_support": ("1F31E", "The sun", f"I spend days with {a.carer.name}."),
            "home_from_hospital": (
                "1F3E5",
                "A hospital",
                f"I stayed with {a.carer.name} after hospital.",
            ),
        }[a.arrangement_type]
        lines = [
            what,
            ("1F4C5", "A calendar", f"It started on {long_date(a.starts_on)}."),
            ("1F91D", "Two hands shaking", "We both said yes to it."),
            (
                "1F4DD",
                "A page and pencil",
                f"I signed my agreement on {long_date(a.agreement_signed_by_person_on)}.",
            ),
        ]
        if a.licence_signed_by_person_on:
            signed = long_date(a.licence_signed_by_person_on)
            lines.append(("1F511", "A key", f"I signed my licence to live there on {signed}."))
        if not self.is_active:
            lines.append(("1F44B", "A waving hand", f"It ended on {long_date(a.ended_on)}."))
        elif self.next_review is not None:
            lines.append(
                (
                    "1F5E3",
                    "A person speaking",
                    f"We will talk about how it is going on {long_date(self.next_review.due_on)}.",
                )
            )
        if self.is_active:
            lines.append(
                (
                    "1F4DE",
                    "A telephone",
                    "If something is wrong, tell your worker. You can ask to talk any time.",
                )
            )
        return lines

    @property
    def next_review(self):
        return next((r["review"] for r in self.reviews if r["state"] != "done"), None)


def payments_csv_rows(lines: list[policy.PaymentLine]):
    """The month's payments as CSV rows: the person by initials only."""
    for line in lines:
        a = line.arrangement
        yield [
            a.pk,
            a.carer.name,
            f"{a.person.given_name[:1]}{a.person.family_name[:1]}",
            a.arrangement_type,
            a.band,
            line.rate_pence,
            line.per,
            line.quantity,
            line.amount_pence,
            f"{line.amount_pence / 100:.2f}",
        ]
