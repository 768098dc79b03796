"""Subject access and erasure cover every app: a person with data everywhere, then erased.

After `erase-person` a search of every text column of every table (on SQLite and PostgreSQL)
finds neither the name, the NHS number nor the email; the person's account cannot sign in;
and the audit chain still verifies.
"""

import json
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from kinfolk.accounts.models import Role, SignInAttempt
from kinfolk.accounts.services import api_token_issue
from kinfolk.accounts.tests.factories import PASSWORD
from kinfolk.core.audit import audit_verify
from kinfolk.core.tests.test_audit_holds_no_free_text import assert_audit_holds_only_codes
from kinfolk.directory import services as directory
from kinfolk.directory.tests.factories import service
from kinfolk.people import selectors as people_selectors
from kinfolk.people import services as people
from kinfolk.people.models import GrantScope, Person
from kinfolk.people.subject_access import person_export
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory
from kinfolk.sharedlives.arrangements import services as sharedlives
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained
from kinfolk.sharedlives.tests.journeys import agreed, start
from kinfolk.social_prescribing import services as prescribing
from kinfolk.social_prescribing.models import OrganizationMember
from kinfolk.wellbeing import services as wellbeing

GIVEN, FAMILY = "Zebedee", "Quinnell"
NHS_NUMBER = "9434765919"
EMAIL = "zebedee.quinnell@example.test"
SECRETS = (GIVEN, FAMILY, NHS_NUMBER, "943 476 5919", EMAIL)
ONS4 = {"life_satisfaction": 4, "worthwhile": 5, "happiness": 4, "anxiety": 7}


def _says(words: str) -> str:
    return f"{GIVEN} {FAMILY} ({NHS_NUMBER}, {EMAIL}) {words}"


def _shared_lives(area, person, you, worker, carer_actor):
    referral = ReferralFactory(
        person=person, created_by=worker.user, persons_choice=_says("chose this"),
        wishes=_says("wishes"), hobbies=_says("hobbies"), risks=_says("risks"),
        easy_read=_says("about me"), referrer_name=f"{GIVEN}'s GP",
        places_that_matter=[{"name": f"{FAMILY} family home", "kind": "family"}],
    )  # fmt: skip
    carer = trained(CarerFactory(area=area, user=carer_actor.user, name="The Hughes household"))
    s = SimpleNamespace(
        you=you, carer_actor=carer_actor, worker=worker, referral=referral, carer=carer
    )
    arrangement = start(s, agreed(s))
    review = arrangement.reviews.order_by("due_on").first()
    sharedlives.review_request(actor=you, arrangement=arrangement, reason=_says("asked"))
    sharedlives.review_record(
        actor=worker, review=review, done_on=date.today(), person_view=_says("happy"),
        carer_view=_says("going well"), going_well=_says("well"), to_change=_says("change"),
        agreed_actions=_says("actions"),
    )  # fmt: skip
    sharedlives.arrangement_end(
        actor=worker,
        arrangement=arrangement,
        reason=_says("moved"),
        next_step=_says("next"),
        side="person",
    )


def _social_prescribing(area, person, make_member, actor_for, worker_link):
    gp = actor_for(make_member(Role.REFERRER, area))
    group = actor_for(make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area))
    walk = service(area, "Walking group")
    OrganizationMember.objects.create(organization=walk.organization, user=group.user)
    AssignmentFactory(person=person, worker=gp.user, kind="referrer")
    prescribing.practice_record(area=area, ods_code="B82005", name="Calder Health Centre")
    referral = prescribing.referral_create(
        actor=gp, practice="Calder Health Centre", reasons=["loneliness"],
        consent_recorded=True, consent_given_by="person", what_matters=_says("matters"),
        person=person,
    )  # fmt: skip
    link = worker_link
    referral = prescribing.referral_take(actor=link, referral=referral)
    prescribing.conversation_record(
        actor=link, referral=referral, held_on=date.today(), notes=_says("talked")
    )
    prescribing.goal_add(actor=link, referral=referral, in_their_words=_says("goal"))
    sent = prescribing.community_refer(
        actor=link, referral=referral, service=walk, note=_says("note")
    )
    prescribing.community_decide(actor=group, sent=sent, accept=False, reason=_says("full"))
    sent = prescribing.community_refer(actor=link, referral=referral, service=walk)
    prescribing.community_decide(actor=group, sent=sent, accept=True)
    prescribing.community_started(actor=group, sent=sent)
    prescribing.referral_close(actor=link, referral=referral, summary=_says("closed"))
    # A second referral, once the first has closed (one open referral at a time; closing
    # ended the GP's allocation, so they are allocated again, as their practice would be).
    AssignmentFactory(person=person, worker=gp.user, kind="referrer")
    second = prescribing.referral_create(
        actor=gp, practice="Calder Health Centre", reasons=["money"], consent_recorded=True,
        consent_given_by="person", person=person,
    )  # fmt: skip
    second = prescribing.referral_take(actor=link, referral=second)
    prescribing.referral_decline(actor=link, referral=second, reason=_says("declined"))
    return walk


def _wellbeing_and_directory(person, you, worker, walk):
    wellbeing.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    wellbeing.check_in_record(
        actor=you, person=person,
        areas={"dignity": {"going": "ok", "words": _says("words"), "help": _says("help")}},
        assets={"can_do": _says("can"), "could_do_with_support": _says("could"),
                "rely_on_services_for": _says("rely")},
    )  # fmt: skip
    wellbeing.circle_add(
        actor=you, person=person, name=f"My sister Ama {FAMILY}", who="family", ring=1,
        contact="weekly", paid=False,
    )  # fmt: skip
    wellbeing.episode_record(
        actor=worker, person=person, service="Riverside Day Centre", kind="service",
        started_on=date.today() - timedelta(days=10),
    )  # fmt: skip
    directory.shortlist_send(actor=worker, person=person, services=[walk], note=_says("look"))


def _sign_ins(you):
    client = Client()
    client.post(reverse("accounts:login"), {"email": EMAIL, "password": "wrong"})
    client.post(reverse("accounts:login"), {"email": EMAIL.upper(), "password": PASSWORD})
    assert SignInAttempt.objects.filter(email=EMAIL).count() == 2
    signed_in = Client()
    signed_in.force_login(you.user)
    return signed_in


@pytest.fixture
def everywhere(area, make_member, actor_for):
    """A person with a record in every app, an account that has signed in, and audit entries."""
    you = actor_for(make_member(Role.PERSON, area, email=EMAIL, display_name=f"{GIVEN} {FAMILY}"))
    worker = actor_for(make_member(Role.SCHEME_WORKER, area))
    link = actor_for(make_member(Role.LINK_WORKER, area))
    carer_actor = actor_for(make_member(Role.SHARED_LIVES_CARER, area))
    nurse = actor_for(make_member(Role.LINK_WORKER, area))
    person = PersonFactory(
        area=area, user=you.user, given_name=GIVEN, family_name=FAMILY, nhs_number=NHS_NUMBER,
        email=EMAIL, preferred_name="Zeb", what_matters_to_me=_says("matters"),
    )  # fmt: skip
    AssignmentFactory(person=person, worker=worker.user)
    rep = make_member(Role.REPRESENTATIVE, area)
    AccessGrantFactory(person=person, grantee=rep.user, scope=GrantScope.ACT_FOR)
    _shared_lives(area, person, you, worker, carer_actor)
    walk = _social_prescribing(area, person, make_member, actor_for, link)
    _wellbeing_and_directory(person, you, worker, walk)
    people.break_glass_open(actor=nurse, person=person, reason=_says("A&E called at 2am"))
    people_selectors.person_get(actor=nurse, person_id=person.pk)
    signed_in = _sign_ins(you)
    token = api_token_issue(actor=you, name=f"{GIVEN}'s phone")
    return SimpleNamespace(person=person, you=you, signed_in=signed_in, token=token)


def _text_cells_holding(secrets) -> list[str]:
    """Every table, every column, cast to text: where any of the secrets appears."""
    found = []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 (table names from Django)
            columns = [c[0] for c in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = value if isinstance(value, str) else json.dumps(value, default=str)
                    hits = [s for s in secrets if s.lower() in text.lower()]
                    if hits:
                        found.append(f"{table}.{column}: {hits} in {text[:120]!r}")
    return found


def test_the_search_finds_what_a_person_has_before_erasure(everywhere):
    found = "\n".join(_text_cells_holding(SECRETS))
    for table in ("people_person", "accounts_user", "accounts_signinattempt",
                  "social_prescribing_message", "social_prescribing_conversation",
                  "social_prescribing_goal", "social_prescribing_communityreferral",
                  "directory_shortlist", "sharedlives_referral", "sharedlives_arrangement",
                  "wellbeing_checkin", "wellbeing_circlemember",
                  "people_breakglassaccess"):  # fmt: skip
        assert f"{table}." in found, table


def test_the_journeys_leave_only_ids_and_codes_in_the_audit_log(everywhere):
    person_export(person=everywhere.person)
    assert_audit_holds_only_codes()
    assert not [hit for hit in _text_cells_holding(SECRETS) if hit.startswith("core_auditlog")]


def test_export_holds_every_app(everywhere):
    exported = json.dumps(person_export(person=everywhere.person), default=str)
    data = json.loads(exported)
    sp = data["social_prescribing"]
    assert len(sp["referrals"]) == 2
    first = next(r for r in sp["referrals"] if r["conversations"])
    assert first["goals"] and first["community_referrals"] and first["messages"]
    assert data["wellbeing"]["episodes"][0]["service"] == "Riverside Day Centre"
    assert data["directory"]["shortlists"][0]["services"] == ["Walking group"]
    assert data["account"]["email"] == EMAIL
    assert data["account"]["sign_in_attempts"]
    assert data["emergency_access"][0]["reason"].endswith("A&E called at 2am")


def test_after_erasure_nothing_in_the_database_names_the_person(everywhere, capsys):
    call_command("erase_person", str(everywhere.person.pk), yes=True)
    assert _text_cells_holding(SECRETS) == []
    checked, problems = audit_verify()
    assert checked and problems == []
    assert "intact" in capsys.readouterr().out
    person = Person.objects.get(pk=everywhere.person.pk)
    assert person.erased_at is not None


def test_after_erasure_the_account_cannot_sign_in(everywhere):
    from kinfolk.accounts.models import RecoveryCode
    from kinfolk.accounts.services import recovery_codes_issue

    user = everywhere.you.user
    recovery_codes_issue(user=user)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {everywhere.token}"}
    assert Client().get("/api/v1/me", **bearer).status_code == 200
    call_command("erase_person", str(everywhere.person.pk), yes=True)
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert (user.email, user.display_name) == (f"erased-{user.pk}@erased.invalid", "Erased")
    assert authenticate(username=EMAIL, password=PASSWORD) is None
    client = Client()
    client.post(reverse("accounts:login"), {"email": EMAIL, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    # Its API token no longer works, and a session that was already signed in has ended.
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {everywhere.token}"}
    assert Client().get("/api/v1/me", **bearer).status_code == 401
    response = everywhere.signed_in.get(reverse("accounts:security"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert not RecoveryCode.objects.filter(user=user).exists()
