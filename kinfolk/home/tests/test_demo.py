"""`kinfolk demo`: a deterministic, idempotent synthetic area that never touches production."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client, override_settings

from kinfolk.accounts.demo import DEMO_ACCOUNTS, demo_email
from kinfolk.accounts.models import Membership, Role, User
from kinfolk.people.models import Person


def _fingerprint():
    return sorted(Person.objects.values_list("id", "given_name", "family_name", "postcode"))


def test_demo_loads_every_role_and_is_idempotent(db):
    call_command("demo", people=30, carers=8)
    assert Person.objects.count() == 30
    assert Membership.objects.filter(role=Role.SHARED_LIVES_CARER).count() == 8
    for role in DEMO_ACCOUNTS:
        user = User.objects.get(email=demo_email(role))
        assert user.check_password("kinfolk-demo")
        assert user.memberships.filter(role=role).exists()
    before = _fingerprint()
    call_command("demo", people=30, carers=8)
    assert _fingerprint() == before


def test_demo_is_deterministic_for_a_seed(db):
    savepoint = transaction.savepoint_create()
    call_command("demo", seed=7, people=20, carers=5)
    first = _fingerprint()
    transaction.savepoint_rollback(savepoint)
    assert not Person.objects.exists()
    call_command("demo", seed=7, people=20, carers=5)
    assert _fingerprint() == first
    call_command("demo", seed=8, people=20, carers=5)  # already loaded: unchanged
    assert _fingerprint() == first


def test_the_demo_person_and_representative_are_connected(db):
    call_command("demo", people=10, carers=3)
    sam = Person.objects.get(user__email=demo_email(Role.PERSON))
    assert sam.grants.filter(grantee__email=demo_email(Role.REPRESENTATIVE)).exists()
    assert sam.assignments.filter(worker__email=demo_email(Role.SCHEME_WORKER)).exists()


@override_settings(KINFOLK_ENVIRONMENT="production", KINFOLK_DEMO=False)
def test_demo_refuses_to_run_with_production_settings(db):
    with pytest.raises(CommandError, match="cannot be loaded with production settings"):
        call_command("demo")
    assert not Person.objects.exists()


@override_settings(KINFOLK_DEMO_PASSWORD="another-demo-secret")
def test_the_demo_password_can_be_set(db):
    call_command("demo", people=5, carers=2)
    assert User.objects.get(email=demo_email(Role.PERSON)).check_password("another-demo-secret")


def test_the_demo_directory_is_searchable_as_if_each_service_had_been_saved_one_by_one(area):
    import random

    from kinfolk.directory.demo import load_directory
    from kinfolk.directory.models import Service
    from kinfolk.directory.services import refresh_search_text

    assert load_directory(area, random.Random(1)) == Service.objects.count() > 200
    written = dict(Service.objects.values_list("pk", "search_text"))
    free = dict(Service.objects.values_list("pk", "free"))
    for service in Service.objects.select_related("organization"):
        refresh_search_text(service)
    assert dict(Service.objects.values_list("pk", "search_text")) == written
    assert dict(Service.objects.values_list("pk", "free")) == free


def test_the_demo_reads_like_a_real_place(db):
    """Arrangements start only after both sides agreed; the demo carer's household has one of
    its own (so a payment statement); what people said after meetings is not one sentence."""
    from kinfolk.sharedlives.models import Arrangement, Carer, StageView

    call_command("demo")
    arrangements = list(Arrangement.objects.all())
    assert arrangements
    for a in arrangements:
        assert a.person_agreed_at.date() < a.starts_on and a.carer_agreed_at.date() < a.starts_on
    carer_user = User.objects.get(email=demo_email(Role.SHARED_LIVES_CARER))
    assert Arrangement.objects.filter(carer__user=carer_user, status="active").exists()
    views = list(StageView.objects.values_list("view", flat=True))
    assert len(set(views)) >= 8
    assert not any("dog" in v for v in views)
    profiles = [c.profile for c in Carer.objects.all()]
    assert len(set(profiles)) > len(profiles) // 2
    for carer in Carer.objects.exclude(pets=""):
        assert carer.pets in carer.profile or carer.user.email == demo_email(
            Role.SHARED_LIVES_CARER
        )


def test_the_demo_commissioner_has_an_outcome_contract_and_sam_is_asked(db):
    from kinfolk.accountability.outcomes.models import OutcomeClaim, OutcomesContract

    call_command("demo")
    assert OutcomesContract.objects.filter(created_by__email=demo_email(Role.COMMISSIONER)).exists()
    assert OutcomeClaim.objects.filter(person__user__email=demo_email(Role.PERSON)).count() == 2
    from kinfolk.accounts.models import User

    sam = User.objects.get(email=demo_email(Role.PERSON))
    client = Client()
    client.force_login(sam)
    home = client.get("/").content.decode()
    assert "Do you feel less lonely since starting at Calder Walking Group?" in home
    assert "Is there someone new in your life since starting at Calder Walking Group?" in home


def test_the_demo_has_a_concern_raised_for_sam_and_answered(db):
    from kinfolk.family_carers.models import Concern

    call_command("demo")
    concern = Concern.objects.get(raised_by__email=demo_email(Role.REPRESENTATIVE))
    assert concern.person.user.email == demo_email(Role.PERSON) and concern.is_answered


def test_the_demo_has_equipment_for_sam_with_one_part_late(db):
    from kinfolk.family_carers.equipment.models import EquipmentRequest

    call_command("demo")
    request = EquipmentRequest.objects.get(person__user__email=demo_email(Role.PERSON))
    assert sorted(request.parts.values_list("status", flat=True)) == ["ordered", "working"]


def test_the_demo_person_has_scored_the_walking_group(db):
    from kinfolk.accountability.scores.models import ServiceScore

    call_command("demo")
    score = ServiceScore.objects.get(person__user__email=demo_email(Role.PERSON))
    assert score.service == "Calder Walking Group"
