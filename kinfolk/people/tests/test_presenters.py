"""The person pages' presenters only present: they are given the record and what the gate
answered, and never touch the database (these tests have no database to touch)."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

from kinfolk.accounts.models import User
from kinfolk.people.models import AccessGrant, GrantScope, Person, Relationship
from kinfolk.people.presenters import ActivityPresenter, GrantPresenter, PersonPresenter

SOMEONE = SimpleNamespace(user=SimpleNamespace(pk=7))


def _person(**fields) -> Person:
    return Person(given_name="Sam", family_name="Okafor", **fields)


def test_the_heading_is_my_profile_only_on_the_persons_own_record():
    person = _person(preferred_name="Sammy")
    assert PersonPresenter(person, SOMEONE, own=True).heading == "My profile"
    assert PersonPresenter(person, SOMEONE).heading == "Sam Okafor"
    assert PersonPresenter(person, SOMEONE).is_own_record is False
    person.erased_at = datetime(2026, 3, 3, tzinfo=UTC)
    assert PersonPresenter(person, SOMEONE, own=True).heading == "Erased record"


def test_rows_offer_a_change_link_only_to_someone_who_may_edit():
    person = _person(date_of_birth=date(1950, 3, 3), nhs_number="9434765919")
    reader = PersonPresenter(person, SOMEONE)
    editor = PersonPresenter(person, SOMEONE, can_edit=True)
    assert all("actions" not in row for row in reader.about_rows)
    name, _, born, nhs, needs = editor.about_rows
    assert name["actions"]["items"][0]["href"].endswith("/edit/#id_given_name")
    assert born["value"]["text"] == "3 March 1950"
    assert nhs["value"]["text"] == "943 476 5919"
    assert needs["value"]["text"] == "Not recorded"


def test_contact_rows_join_the_address_onto_one_line():
    person = _person(address="1 Mill Lane\nHebden Bridge", postcode="HX7 8AA")
    phone, email, address = PersonPresenter(person, SOMEONE).contact_rows
    assert address["value"]["text"] == "1 Mill Lane, Hebden Bridge, HX7 8AA"
    assert phone["value"]["text"] == email["value"]["text"] == "Not recorded"


def test_assets_start_from_what_the_person_can_do_in_their_words_on_their_own_page():
    person = _person(can_do="Cook for friends")
    assert PersonPresenter(person, SOMEONE, own=True).assets == [
        ("What I can do", "Cook for friends"),
        ("What I could do with support", "Not recorded"),
        ("What I rely on services for", "Not recorded"),
    ]


def test_anyone_else_reads_about_the_person_by_their_name():
    person = _person(can_do="Cook for friends", preferred_name="Sammy")
    assert PersonPresenter(person, SOMEONE).assets == [
        ("What Sammy can do", "Cook for friends"),
        ("What Sammy could do with support", "Not recorded"),
        ("What Sammy relies on services for", "Not recorded"),
    ]


def test_a_grant_line_says_who_what_and_since_when():
    granted = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)
    grant = AccessGrant(
        grantee=User(display_name="Ada Okafor"),
        relationship=Relationship.FAMILY,
        scope=GrantScope.EDIT,
        granted_at=granted,
    )
    line = GrantPresenter(grant)
    assert line.who == f"Ada Okafor ({grant.get_relationship_display()})"
    assert line.what == GrantScope.EDIT.label
    assert line.since == granted and line.ended is None


def test_an_activity_line_is_in_plain_words():
    at = datetime(2026, 3, 3, 14, 5, tzinfo=UTC)
    seen = SimpleNamespace(
        at=at,
        actor=SimpleNamespace(display_name="Priya Shah"),
        role="scheme_worker",
        action="view",
        target_type="person",
    )
    line = ActivityPresenter(seen)
    assert (line.when, line.who, line.what, line.why) == (
        at,
        "Priya Shah (scheme worker)",
        "looked at the record",
        "",
    )
    by_command = SimpleNamespace(
        at=at, actor=None, role="", action="create", target_type="assignment"
    )
    assert ActivityPresenter(by_command).who == "Kinfolk (an administrator's command)"
    assert ActivityPresenter(by_command).what == "added something (an allocation)"
    glass = SimpleNamespace(at=at, actor=None, role="", action="break_glass", target_type="x")
    assert ActivityPresenter(glass, reason="A&E at 2am").why == "A&E at 2am"
