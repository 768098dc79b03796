"""What referral pages show, in plain words: the referral itself and the easy-read profile."""

from dataclasses import dataclass, field
from datetime import date

from .. import policy
from ..easy_words import I_WOULD_LIKE
from ..wording import NEED_LABELS, TYPE_WORDS, long_date, words


def yes_no(value: bool | None) -> str | None:
    """A yes/no answer as the form's radio buttons hold it (None: not answered)."""
    return None if value is None else ("yes" if value else "no")


@dataclass
class ReferralPresenter:
    """A referral, for its worker's page and the person's easy-read profile."""

    referral: object
    today: date = field(default_factory=date.today)

    @property
    def person(self):
        return self.referral.person

    @property
    def home_first_question(self) -> str | None:
        return policy.home_first_question(self.referral)

    @property
    def days_waiting(self) -> int:
        return (self.today - self.referral.received_on).days

    @property
    def looking_for(self) -> str:
        return words(self.referral.arrangement_types, TYPE_WORDS)

    @property
    def rows(self) -> list[dict]:
        r = self.referral
        place = ", ".join(
            f"{p['name']} (no more than {p['max_minutes']} minutes)" for p in r.places_that_matter
        )
        return [
            {"key": {"text": k}, "value": {"text": v or "Not recorded"}}
            for k, v in [
                ("Referred by", f"{r.get_source_display()} {r.referrer_name}".strip()),
                ("Received", f"{long_date(r.received_on)} ({self.days_waiting} days ago)"),
                ("Looking for", self.looking_for),
                ("Support needs", words(r.support_needs, NEED_LABELS)),
                ("Lives near", r.postcode),
                ("What they enjoy", r.hobbies),
                ("Interests", words(r.interests)),
                ("People and places that matter", place),
                ("Wishes", r.wishes),
                ("Risks", r.risks),
                (
                    "Happy for suitable carers to see their profile",
                    "Yes" if r.share_with_suitable_carers else "No",
                ),
            ]
        ]

    @property
    def easy_read_lines(self) -> list[tuple[str, str, str]]:
        """About me, in the person's own voice: (picture, alt text, sentence)."""
        r, name = self.referral, self.person.called
        lines = [("1F642", "A smiling face", f"My name is {name}.")]
        lines += [I_WOULD_LIKE[t] for t in r.arrangement_types if t in I_WOULD_LIKE]
        if r.interests:
            lines.append(("2764", "A heart", f"I like {words(r.interests)}."))
        if self.person.what_matters_to_me:
            lines.append(
                ("2B50", "A star", f"What matters to me: {self.person.what_matters_to_me}")
            )
        for place in r.places_that_matter:
            lines.append(("1F4CD", "A map pin", f"I want to stay close to {place['name']}."))
        lines += [
            ("1F4AC", "A speech bubble", line.strip())
            for line in r.easy_read.splitlines()
            if line.strip()
        ]
        return lines

    @property
    def home_first_initial(self) -> dict:
        """The home-first form's answers so far."""
        return {
            "has_own_home": yes_no(self.referral.has_own_home),
            "family_able_to_support": yes_no(self.referral.family_able_to_support),
        }

    @property
    def assessment_initial(self) -> dict:
        """The assessment form, filled in with what is recorded."""
        r = self.referral
        place = (r.places_that_matter or [{}])[0]
        return {
            **{name: getattr(r, name) for name in policy.ASSESSMENT_FIELDS},
            "interests": ", ".join(r.interests),
            "languages": ", ".join(r.languages),
            "place_name": place.get("name", ""),
            "place_postcode": place.get("postcode", ""),
            "place_max_minutes": place.get("max_minutes"),
        }
