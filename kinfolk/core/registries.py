"""Where the apps above core put what the hub shows, so that core never imports upward.

Each app registers, from its `AppConfig.ready()`:

- its **home-page cards**: a function from the page being drawn (`Home`) to the cards this actor
  may use now. It asks the permission gate (`kinfolk.core.permissions.can`) with permissions its
  own `rules.py` names, so the hub compares no roles. `order` places a card on the page (lower
  first; cards of different apps interleave, so the numbers are one list: see ORDER below).
- its **ways on from a person's record**: a function from (actor, person) to the links it offers
  on that person's page (for example "How I'm doing", "Refer to Shared Lives").
- its **demo part**: a function that adds its share of the made-up demo area, in `order`. Parts
  run one after another on one `DemoArea`; a part may use what an earlier part left there (the
  sign-ins, workers, carers and people).

Subject access and erasure have their own registry (`kinfolk.core.subject_access`).
The hub (`kinfolk.home`) reads these; nothing in core knows which apps exist.
"""

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# Where each app's cards sit on the home page (ADR 0022). Gaps leave room for new apps.
ORDER = {
    "own_record": 10,
    "shared_lives": 20,
    "wellbeing": 30,
    "community": 40,  # the directory and social prescribing interleave from 40 to 49
    "add_a_person": 50,
    "run_the_area": 60,
    "sign_in": 90,
}


@dataclass(frozen=True)
class HomeCard:
    """One thing someone can do now, as a card on their home page."""

    text: str
    href: str
    description: str = ""
    order: int = 50


@dataclass(frozen=True)
class Home:
    """The home page being drawn: who for, the people on it, and whose own record it is."""

    actor: object
    # Their own record, the records shared with them, or a page of their caseload.
    people: list = field(default_factory=list)
    # The record of the person whose home this is (someone who uses support), if there is one.
    me: object | None = None


@dataclass(frozen=True)
class RecordLink:
    """A way on from a person's record to another part of Kinfolk."""

    text: str
    href: str
    order: int = 50


@dataclass
class DemoArea:
    """The demo area as it is being made: each app's part reads and adds to it, in order."""

    area: object
    rng: random.Random
    fake: object  # a seeded Faker("en_GB")
    people_wanted: int
    carers_wanted: int
    sign_ins: dict = field(default_factory=dict)  # role -> the demo user who signs in as it
    workers: list = field(default_factory=list)  # scheme workers' users
    carers: list = field(default_factory=list)  # Shared Lives carers' users
    people: list = field(default_factory=list)  # Person records, the demo person's first

    @property
    def full_size(self) -> bool:
        """Small demo areas (the tests' own) skip the slower parts."""
        return len(self.people) >= 100


@dataclass(frozen=True)
class DemoPart:
    """One app's share of the demo area: `load` names its function ("kinfolk.app.demo.load_demo"),
    imported only when the demo loads, so that serving pages never imports the demo's makings."""

    key: str
    load: str
    order: int = 50

    def run(self, demo: DemoArea) -> None:
        """Add this part to the demo area."""
        from django.utils.module_loading import import_string

        import_string(self.load)(demo)


_home_cards: dict[str, Callable[[Home], Iterable[HomeCard]]] = {}
_record_links: dict[str, Callable[[object, object], Iterable[RecordLink]]] = {}
_demo_parts: dict[str, DemoPart] = {}


def register_home_cards(app: str, cards: Callable[[Home], Iterable[HomeCard]]) -> None:
    """An app's home-page cards (registering again replaces them)."""
    _home_cards[app] = cards


def register_record_links(app: str, links: Callable[[object, object], Iterable[RecordLink]]):
    """An app's ways on from a person's record (registering again replaces them)."""
    _record_links[app] = links


def register_demo_part(part: DemoPart) -> None:
    """An app's share of the demo area (registering again replaces it)."""
    _demo_parts[part.key] = part


def home_cards(home: Home) -> list[HomeCard]:
    """Every card this actor may use now, in page order."""
    cards = [card for cards_for in _home_cards.values() for card in cards_for(home)]
    return sorted(cards, key=lambda card: card.order)


def record_links(actor, person) -> list[RecordLink]:
    """Every way on from this person's record that this actor may take, in order."""
    links = [link for links_for in _record_links.values() for link in links_for(actor, person)]
    return sorted(links, key=lambda link: link.order)


def demo_parts() -> list[DemoPart]:
    """Every app's share of the demo area, in the order they load."""
    return sorted(_demo_parts.values(), key=lambda part: (part.order, part.key))
