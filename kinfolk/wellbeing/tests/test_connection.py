"""The connection test publishes nothing that finds out about a person: not on the page, not
in the CSV, not in the API, and not by subtracting one published figure from another."""

import csv
import io
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinfolk.accounts.models import Role
from kinfolk.core.disclosure import SUPPRESSED, is_small
from kinfolk.core.models import AuditLog
from kinfolk.core.tests.test_disclosure import attack
from kinfolk.people.tests.factories import PersonFactory
from kinfolk.wellbeing import connection
from kinfolk.wellbeing.models import Episode, MeasureResponse

PAGE = "/wellbeing/connection-test/"
API = "/api/v1/wellbeing/connection-test"


def _ucla(area, person, when: date, score: int):
    MeasureResponse.objects.create(
        area=area, person=person, measure="loneliness", answers={}, score={"ucla3": score},
        recorded_with="self", recorded_by=person.user,
        completed_at=timezone.make_aware(datetime.combine(when, time(10))),
    )  # fmt: skip


def _in_service(area, service: str, before: int | None = None, after: int | None = None):
    """A person with a spell in a service; with a loneliness change if scores are given."""
    from kinfolk.accounts.tests.factories import UserFactory

    person = PersonFactory(area=area, user=UserFactory())
    start = date.today() - timedelta(days=200)
    Episode.objects.create(area=area, person=person, kind="service", service=service,
                           started_on=start)  # fmt: skip
    if before is not None:
        _ucla(area, person, start - timedelta(days=5), before)
        _ucla(area, person, start + timedelta(days=150), after)
    return person


@pytest.fixture
def small_area(area):
    """Walking group: 6 people, all less lonely by 3. Men's shed: 7 people, of whom only 3
    answered the loneliness questions (each 2 lonelier): a figure under 5 inside a shown
    service."""
    for _ in range(6):
        _in_service(area, "Walking group", 8, 5)
    for _ in range(3):
        _in_service(area, "Men's shed", 4, 6)
    for _ in range(4):
        _in_service(area, "Men's shed")
    return area


def _published(area):
    rows = connection.service_rows(connection.changes_in_area(area))
    return {r.service: r for r in rows}, connection.area_row(rows)


def test_a_small_figure_inside_a_shown_service_cannot_be_subtracted_out(small_area):
    rows, total = _published(small_area)
    shed = rows["Men's shed"]
    assert shed.ucla3_change.value is None and shed.ucla3_change.people is None
    assert shed.ucla3_change.shown == SUPPRESSED
    # The area figure rests only on the figures shown, so subtracting them leaves nothing.
    walking = rows["Walking group"].ucla3_change
    assert total.ucla3_change.people == walking.people == 6
    left = total.ucla3_change.value * total.ucla3_change.people - walking.value * walking.people
    assert left == pytest.approx(0)


def test_the_api_gives_no_count_of_one_to_four(small_area, make_member, signed_in_client):
    client = signed_in_client(make_member(Role.COMMISSIONER, small_area))
    body = client.get(API).json()
    counts = [s["people"] for s in body] + [
        s[name]["people"] for s in body for name in connection.FIGURES
    ]
    assert not [c for c in counts if c is not None and is_small(c)], body
    shed = next(s for s in body if s["service"] == "Men's shed")
    assert shed["ucla3_change"] == {"people": None, "mean": None, "shown": SUPPRESSED}


def _csv(response):
    """The CSV's rows as a spreadsheet shows them (a leading ' only stops a formula)."""
    rows = csv.DictReader(io.StringIO(response.content.decode()))
    return [{k: v.removeprefix("'") for k, v in row.items()} for row in rows]


def test_page_csv_and_api_show_the_same_suppressed_figures(
    small_area, make_member, signed_in_client
):
    client = signed_in_client(make_member(Role.COMMISSIONER, small_area))
    page = client.get(PAGE).content.decode()
    api = {s["service"]: s for s in client.get(API).json()}
    sheet = {r["service"]: r for r in _csv(client.get(PAGE, {"format": "csv"}))}
    assert set(api) == set(sheet)
    for service, shown in api.items():
        people = "Suppressed" if shown["people"] is None else str(shown["people"])
        assert sheet[service]["people"] == people
        for name in connection.FIGURES:
            assert sheet[service][f"{name}"] == shown[name]["shown"]
            assert shown[name]["shown"] in page
    assert sheet["Men's shed"]["ucla3_change"] == SUPPRESSED
    services = list(api)[:-1]  # the last is the area row
    assert services == sorted(services)  # by name, never by size
    assert AuditLog.objects.filter(target_type="connection_test").count() == 1
    assert f"<td{_cell()}Change in loneliness (UCLA-3; lower is less lonely) </span>Suppressed" in (
        page
    )


def _cell():
    return (
        ' class="nhsuk-table__cell"><span class="nhsuk-table-responsive__heading"'
        ' aria-hidden="true">'
    )


def test_months_with_fewer_than_five_answers_show_no_count_anywhere(
    area, make_member, signed_in_client
):
    today = date.today()
    this_month = today.replace(day=1)
    for n in range(3):
        _ucla(area, _in_service(area, "Walking group"), this_month, 5 + n % 2)
    client = signed_in_client(make_member(Role.COMMISSIONER, area))
    months = connection.monthly_loneliness(area)
    assert [(m.month, m.figure.people, m.figure.value) for m in months] == [
        (this_month, None, None)
    ]
    api = client.get(f"{API}/months").json()
    assert api == [{"month": f"{this_month:%Y-%m}", "people": None, "mean": None,
                    "shown": SUPPRESSED}]  # fmt: skip
    sheet = _csv(client.get(PAGE, {"format": "csv", "table": "months"}))
    assert sheet == [{"month": f"{this_month:%Y-%m}", "loneliness": SUPPRESSED}]
    page = client.get(PAGE).content.decode()
    assert f'{this_month:%b %Y}</td><td class="nhsuk-table__cell">Suppressed' in page


# --- random small areas -------------------------------------------------------------------

SERVICES = ["Walking group", "Men's shed", "Lunch club", "Choir"]


@st.composite
def random_changes(draw):
    """Episodes in a few services; each person in one or two; any figure may be missing."""
    people = draw(st.integers(1, 16))
    services = SERVICES[: draw(st.integers(1, 4))]
    changes = []
    for person in range(people):
        for service in draw(
            st.lists(st.sampled_from(services), min_size=1, max_size=2, unique=True)
        ):
            episode = SimpleNamespace(person_id=person, service=service, kind="service")
            figures = {
                name: draw(st.one_of(st.none(), st.integers(-4, 4))) for name in connection.FIGURES
            }
            changes.append(connection.EpisodeChange(episode, **figures))
    return changes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_changes())
def test_nothing_suppressed_in_a_random_area_can_be_worked_out(changes):
    rows = connection.service_rows(changes)
    total = connection.area_row(rows)
    true = _true_counts(changes)
    for row in [*rows, total]:
        published = [row.people] + [getattr(row, name).people for name in connection.FIGURES]
        assert not [c for c in published if c is not None and is_small(c)]
    # The area row is the sum of what is shown: differencing it gives nothing new.
    assert total.people == sum(r.people or 0 for r in rows)
    for name in connection.FIGURES:
        shown = [getattr(r, name) for r in rows if getattr(r, name).people]
        area = getattr(total, name)
        assert (area.people or 0) == sum(f.people for f in shown)
        assert area.total == pytest.approx(sum(f.total for f in shown))
    # Counts: people in a service = those with a figure + those without (never published).
    for row in rows:
        counts = true[row.service]
        relations = [("people", [(n, "yes"), (n, "no")]) for n in connection.FIGURES]
        published = {"people": row.people}
        published.update({(n, "yes"): getattr(row, n).people for n in connection.FIGURES})
        hidden = {(n, "no") for n in connection.FIGURES}
        ranges = attack(counts, relations, published, hidden)
        protected = {k for k, v in published.items() if v is None}
        protected |= {k for k in hidden if is_small(counts[k])}
        for key in protected:
            low, high = ranges[key]
            assert high is None or high - low >= 1 - 1e-6, (row.service, key, counts, published)


def _true_counts(changes):
    out = {}
    for service in {c.episode.service for c in changes}:
        group = [c for c in changes if c.episode.service == service]
        people = len({c.episode.person_id for c in group})
        counts = {"people": people}
        for name in connection.FIGURES:
            answered = len({c.episode.person_id for c in group if getattr(c, name) is not None})
            counts[(name, "yes")] = answered
            counts[(name, "no")] = people - answered
        out[service] = counts
    return out


def _episode_with_change(area, service: str, person, ucla_before: int, ucla_after: int):
    start = date.today() - timedelta(days=200)
    Episode.objects.create(
        area=area, person=person, kind="service", service=service, started_on=start
    )
    for when, ucla in (
        (start - timedelta(days=5), ucla_before),
        (start + timedelta(days=150), ucla_after),
    ):
        MeasureResponse.objects.create(
            area=area, person=person, measure="loneliness", answers={}, score={"ucla3": ucla},
            recorded_with="self", recorded_by=person.user or _someone(),
            completed_at=timezone.make_aware(datetime.combine(when, time(10))),
        )  # fmt: skip


def _someone():
    from kinfolk.accounts.tests.factories import UserFactory

    return UserFactory()


def test_the_connection_test_suppresses_groups_under_five(area):
    for _ in range(5):
        _episode_with_change(area, "Walking group", PersonFactory(area=area), 8, 5)
    for _ in range(4):
        _episode_with_change(area, "Men's shed", PersonFactory(area=area), 8, 8)
    rows = {r.service: r for r in connection.service_rows(connection.changes_in_area(area))}
    assert rows["Walking group"].ucla3_change.value == -3.0
    assert rows["Walking group"].ucla3_change.shown == "-3.0 (5 people)"
    assert rows["Men's shed"].suppressed and rows["Men's shed"].ucla3_change.value is None
    assert rows["Men's shed"].ucla3_change.shown == "Suppressed"
    assert rows["Men's shed"].people_shown == "Suppressed"
    total = connection.area_row(list(rows.values()))
    assert total.people == 5  # the suppressed group is not in the total either
