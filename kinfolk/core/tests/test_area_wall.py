"""The second wall between areas: on PostgreSQL, a query that forgets its area still sees
nothing from another area (kinfolk/core/tenancy.py, ADR 0023)."""

import json

import pytest
from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.test import RequestFactory

from kinfolk.accounts.actor import NOBODY, Actor
from kinfolk.accounts.models import Role
from kinfolk.core import tenancy
from kinfolk.core.tenancy import AreaWallMiddleware, seen_across_areas, within_area
from kinfolk.people.models import Person
from kinfolk.people.tests.factories import PersonFactory

postgres_only = pytest.mark.postgres_only


def _forgetful_view(request):
    """A view with a bug: it reads every person, forgetting the actor's area."""
    return JsonResponse({"people": [str(pk) for pk in Person.objects.values_list("pk", flat=True)]})


def _people_seen_by(actor) -> set[str]:
    request = RequestFactory().get("/")
    request.actor = actor
    response = AreaWallMiddleware(_forgetful_view)(request)
    return set(json.loads(response.content)["people"])


@pytest.fixture
def two_people(area, other_area):
    return PersonFactory(area=area), PersonFactory(area=other_area)


@postgres_only
@pytest.mark.django_db
def test_a_request_that_forgets_its_area_sees_nothing_from_another_area(
    two_people, make_member, area
):
    mine, theirs = two_people
    worker = make_member(Role.SCHEME_WORKER, area)
    seen = _people_seen_by(Actor(user=worker.user, membership=worker))
    assert seen == {str(mine.pk)}


@postgres_only
@pytest.mark.django_db
def test_a_request_with_no_area_sees_no_area_owned_row(two_people):
    assert _people_seen_by(NOBODY) == set()


@postgres_only
@pytest.mark.django_db
def test_after_a_request_the_connection_works_across_all_areas_again(two_people, make_member):
    worker = make_member(Role.SCHEME_WORKER, two_people[0].area)
    _people_seen_by(Actor(user=worker.user, membership=worker))
    assert Person.objects.count() == 2


@postgres_only
@pytest.mark.django_db
def test_a_task_for_one_area_that_forgets_its_filter_sees_only_that_area(two_people, area):
    mine, theirs = two_people
    with within_area(area):
        assert list(Person.objects.all()) == [mine]
        assert not Person.objects.filter(pk=theirs.pk).exists()
        assert Person.objects.filter(pk=theirs.pk).update(given_name="Changed") == 0
    theirs.refresh_from_db()
    assert theirs.given_name != "Changed"


@postgres_only
@pytest.mark.django_db
def test_the_one_look_through_the_wall_finds_another_areas_record_to_audit_the_attempt(
    two_people, area
):
    mine, theirs = two_people
    with within_area(area):
        asked_for = Person.objects.filter(pk=theirs.pk)
        assert asked_for.first() is None
        assert seen_across_areas(asked_for) == theirs
        assert list(Person.objects.all()) == [mine]  # and the wall stands again after it


@postgres_only
@pytest.mark.django_db
def test_nothing_can_be_written_into_another_area(area, other_area):
    with within_area(area), pytest.raises(DatabaseError, match="row-level security"):
        with transaction.atomic():
            PersonFactory(area=other_area)


@postgres_only
@pytest.mark.django_db
def test_a_table_owned_through_its_parent_is_walled_through_it(
    area, other_area, person, make_member
):
    from kinfolk.directory.models import Shortlist
    from kinfolk.directory.tests.factories import service

    worker = make_member(Role.LINK_WORKER, area)
    shortlist = Shortlist.objects.create(area=area, person=person, sent_by=worker.user)
    shortlist.services.add(service(area, "Walking group"))
    through = Shortlist.services.through
    with within_area(other_area):
        assert through.objects.count() == 0
    with within_area(area):
        assert through.objects.count() == 1


@postgres_only
@pytest.mark.django_db
def test_a_connection_that_never_said_its_area_sees_nothing(two_people):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL {tenancy.SETTING} TO DEFAULT")
        cursor.execute("SELECT count(*) FROM people_person")
        assert cursor.fetchone()[0] == 0
        transaction.set_rollback(True)


@postgres_only
@pytest.mark.django_db
def test_the_suite_runs_as_a_role_the_wall_binds():
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (False, False)


@postgres_only
@pytest.mark.django_db
def test_every_area_owned_table_is_walled_and_the_open_ones_are_named():
    walled = tenancy.area_owned_tables()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_policy p ON p.polrelid = c.oid "
            "WHERE c.relrowsecurity AND c.relforcerowsecurity AND p.polname = %s",
            [tenancy.POLICY],
        )
        in_force = {name for (name,) in cursor.fetchall()}
        cursor.execute(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'area_id'"
        )
        with_an_area = {name for (name,) in cursor.fetchall()}
    assert set(walled) <= in_force
    assert with_an_area - in_force == set(tenancy.OPEN_TABLES)
    assert {"people_person", "sharedlives_introduction", "directory_shortlist_services"} <= (
        in_force
    )


@pytest.mark.django_db
def test_sqlite_has_no_second_wall(two_people, area):
    if connection.vendor != "sqlite":
        pytest.skip("the wall is PostgreSQL's")
    with within_area(area):
        assert Person.objects.count() == 2


@postgres_only
@pytest.mark.django_db
def test_migrate_warns_when_kinfolk_works_as_a_role_the_wall_does_not_bind():
    from django.core.checks import Tags, run_checks

    from kinfolk.core.tests.plain_role import as_owner

    assert run_checks(tags=[Tags.database], databases=["default"]) == []
    with as_owner(connection):  # the suite's own login, postgres, is a superuser
        warnings = run_checks(tags=[Tags.database], databases=["default"])
    assert [w.id for w in warnings] == ["kinfolk.tenancy.W001"]
