"""The database itself refuses an arrangement the rules forbid (ADR 0030): rows written
directly, past every service, on SQLite and PostgreSQL. Each rule has a refused row and a row
that passes."""

from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kinfolk.sharedlives import integrity
from kinfolk.sharedlives.models import (
    OVERNIGHT_TYPES,
    Arrangement,
    Carer,
    Introduction,
    Stage,
)
from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory

TODAY = date.today()


def _introduction(s, stage=Stage.AGREED, *, agreed=True, carer=None, kind="long_term", **extra):
    now = timezone.now()
    return Introduction.objects.create(
        area=s.referral.area,
        referral=s.referral,
        person=s.person,
        carer=carer or s.carer,
        arrangement_type=kind,
        stage=stage,
        first_interest_from="person",
        person_yes_at=None if stage == Stage.INTEREST else now,
        carer_yes_at=None if stage == Stage.INTEREST else now,
        person_agreed_at=now if agreed else None,
        carer_agreed_at=now if agreed else None,
        **extra,
    )


def _row(s, introduction, **overrides) -> Arrangement:
    """An arrangement row as the introduction would have it, unsaved."""
    fields = dict(
        area=introduction.area,
        introduction=introduction,
        person=introduction.person,
        carer=introduction.carer,
        arrangement_type=introduction.arrangement_type,
        starts_on=TODAY,
        person_agreed_at=timezone.now(),
        carer_agreed_at=timezone.now(),
        agreement_signed_by_person_on=TODAY,
        agreement_signed_by_carer_on=TODAY,
        licence_signed_by_person_on=TODAY,
        licence_signed_by_carer_on=TODAY,
        created_by=s.worker.user,
    )
    return Arrangement(**{**fields, **overrides})


def _refused(refusal: str, write) -> None:
    with pytest.raises(IntegrityError, match=refusal), transaction.atomic():
        write()


def _insert(s, introduction, **overrides) -> None:
    """Through bulk_create: no save(), no service, no model validation."""
    Arrangement.objects.bulk_create([_row(s, introduction, **overrides)])


# --- the introduction ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "stage", [Stage.INTEREST, Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.AGREEING, Stage.CLOSED]
)
def test_an_introduction_not_yet_agreed_cannot_carry_an_arrangement(scheme, stage):
    introduction = _introduction(scheme, stage, agreed=False)
    _refused(integrity.NOT_AGREED, lambda: _insert(scheme, introduction))
    assert not Arrangement.objects.exists()


def test_deciding_together_with_both_agreements_but_not_moved_on_is_not_agreed(scheme):
    introduction = _introduction(scheme, Stage.AGREEING, agreed=True)
    _refused(integrity.NOT_AGREED, lambda: _insert(scheme, introduction))


@pytest.mark.parametrize("stage", [Stage.AGREED, Stage.ARRANGED])
def test_an_agreed_introduction_with_both_yeses_carries_one(scheme, stage):
    _insert(scheme, _introduction(scheme, stage))
    assert Arrangement.objects.filter(person=scheme.person, carer=scheme.carer).count() == 1


def test_the_arrangement_is_between_the_sides_of_its_introduction(scheme, area, other_area):
    s = scheme
    introduction = _introduction(s)
    another = CarerFactory(area=area, name="The Patel household")
    someone_else = ReferralFactory(person__area=area, created_by=s.worker.user).person
    for overrides in (
        {"carer": another},
        {"person": someone_else},
        {"arrangement_type": "short_breaks", "licence_signed_by_person_on": None},
    ):
        _refused(integrity.NOT_THE_SAME, lambda o=overrides: _insert(s, introduction, **o))
    if connection.vendor == "sqlite":  # on PostgreSQL the wall refuses another area's row
        _refused(integrity.NOT_THE_SAME, lambda: _insert(s, introduction, area=other_area))
    assert not Arrangement.objects.exists()


def test_an_arrangement_cannot_be_moved_to_another_introduction_or_person(scheme, area):
    s = scheme
    arrangement = _row(s, _introduction(s, Stage.ARRANGED))
    arrangement.save()
    someone_else = ReferralFactory(person__area=area, created_by=s.worker.user).person
    unagreed = _introduction(s, Stage.INTRODUCTION, agreed=False, kind="day_support")
    rows = Arrangement.objects.filter(pk=arrangement.pk)
    _refused(integrity.NOT_THE_SAME, lambda: rows.update(person=someone_else))
    _refused(integrity.NOT_AGREED, lambda: rows.update(introduction=unagreed))
    rows.update(band=2, nights_or_sessions_per_month=4)  # other changes are untouched
    assert rows.get().band == 2


def test_raw_sql_is_refused_too(scheme):
    s = scheme
    introduction = _introduction(s, Stage.INTEREST, agreed=False)
    now = timezone.now()
    person_id = type(s.person)._meta.pk.get_db_prep_value(s.person.pk, connection)
    with pytest.raises(IntegrityError, match=integrity.NOT_AGREED), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO sharedlives_arrangement (area_id, introduction_id, person_id, "
                "carer_id, arrangement_type, starts_on, person_agreed_at, carer_agreed_at, "
                "agreement_signed_by_person_on, agreement_signed_by_carer_on, band, "
                "nights_or_sessions_per_month, status, ended_by_side, end_reason, next_step, "
                "created_by_id, created_at) VALUES (%s, %s, %s, %s, 'day_support', %s, %s, %s, "
                "%s, %s, 1, 0, 'active', '', '', '', %s, %s)",
                [s.referral.area_id, introduction.pk, person_id, s.carer.pk, TODAY, now, now,
                 TODAY, TODAY, s.worker.user.pk, now],
            )  # fmt: skip


# --- the household ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status", ["enquiry", "applying", "at_panel", "deferred", "declined", "left", "suspended"]
)
def test_only_an_approved_household_gets_a_new_arrangement(scheme, status):
    """Any status but approved: the ones Kinfolk has, and "suspended" written directly."""
    s = scheme
    introduction = _introduction(s, kind="day_support")
    Carer.objects.filter(pk=s.carer.pk).update(status=status)
    _refused(integrity.NOT_APPROVED, lambda: _insert(s, introduction))
    Carer.objects.filter(pk=s.carer.pk).update(status="approved")
    _insert(s, introduction)


def test_an_unapproved_household_with_no_places_gets_nothing(scheme, area):
    s = scheme
    enquiry = CarerFactory(area=area, status="enquiry", places=0, approved_types=[])
    introduction = _introduction(s, carer=enquiry)
    _refused(integrity.NOT_APPROVED, lambda: _insert(s, introduction))


def test_a_suspended_household_keeps_its_arrangements_and_can_end_them(scheme):
    s = scheme
    arrangement = _row(s, _introduction(s))
    arrangement.save()
    Carer.objects.filter(pk=s.carer.pk).update(status="suspended")
    rows = Arrangement.objects.filter(pk=arrangement.pk)
    rows.update(band=3)
    rows.update(status="ended", ended_on=TODAY, next_step="Back to my sister's for now")
    _refused(integrity.NOT_APPROVED, lambda: rows.update(status="active", ended_on=None))


# --- places -------------------------------------------------------------------------------


def test_a_place_is_taken_only_while_one_is_free(scheme):
    s = scheme
    Carer.objects.filter(pk=s.carer.pk).update(places=1)
    _insert(s, _introduction(s, Stage.ARRANGED, kind="long_term"))
    for kind in OVERNIGHT_TYPES[1:]:
        refused = _introduction(s, Stage.ARRANGED, kind=kind)
        _refused(integrity.NO_FREE_PLACE, lambda i=refused: _insert(s, i))
    _insert(s, _introduction(s, Stage.ARRANGED, kind="day_support"))  # takes no place
    assert Carer.objects.with_places_in_use().get(pk=s.carer.pk).places_in_use == 1


def test_an_approved_household_with_no_places_takes_nobody_overnight(scheme):
    s = scheme
    Carer.objects.filter(pk=s.carer.pk).update(places=0)
    breaks = _introduction(s, Stage.ARRANGED, kind="short_breaks")
    _refused(integrity.NO_FREE_PLACE, lambda: _insert(s, breaks))
    _insert(s, _introduction(s, Stage.ARRANGED, kind="day_support"))


def test_an_ended_arrangement_frees_its_place_and_cannot_come_back_into_a_full_house(scheme):
    s = scheme
    Carer.objects.filter(pk=s.carer.pk).update(places=1)
    first = _row(s, _introduction(s, Stage.ARRANGED))
    first.save()
    Arrangement.objects.filter(pk=first.pk).update(status="ended", ended_on=TODAY, next_step="Home")
    _insert(s, _introduction(s, Stage.ARRANGED, kind="short_breaks"))  # the freed place
    rows = Arrangement.objects.filter(pk=first.pk)
    _refused(integrity.NO_FREE_PLACE, lambda: rows.update(status="active", ended_on=None))


def test_places_cannot_drop_below_the_people_living_there(scheme):
    s = scheme
    Carer.objects.filter(pk=s.carer.pk).update(places=2)
    _insert(s, _introduction(s, Stage.ARRANGED))
    _refused(integrity.FEWER_PLACES, lambda: Carer.objects.filter(pk=s.carer.pk).update(places=0))
    Carer.objects.filter(pk=s.carer.pk).update(places=1)
    Carer.objects.filter(pk=s.carer.pk).update(places=3)


def test_places_in_use_are_counted_not_kept(scheme):
    s = scheme
    assert not hasattr(Carer(), "places_in_use_id")
    assert "places_in_use" not in {f.name for f in Carer._meta.get_fields()}
    _insert(s, _introduction(s, Stage.ARRANGED))
    carer = Carer.objects.with_places_in_use().get(pk=s.carer.pk)
    assert (carer.places_in_use, carer.free_places) == (1, 1)
    assert Carer.objects.get(pk=s.carer.pk).places_in_use == 1  # counted when not annotated


def test_the_sql_knows_the_same_kinds_that_take_a_place():
    assert integrity.TAKES_A_PLACE_SQL == "(" + ", ".join(f"'{t}'" for t in OVERNIGHT_TYPES) + ")"


# --- PostgreSQL: the wall between areas and the triggers ----------------------------------


@pytest.mark.postgres_only
def test_the_rules_run_as_the_plain_role_inside_one_area(scheme, other_area):
    """As the request path runs: Kinfolk's plain role, the wall narrowed to one area. The
    trigger reads the introduction and household through the wall and still passes a good
    row; another area's introduction is out of its sight, so it is refused."""
    from kinfolk.core.tenancy import within_area

    s = scheme
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == "kinfolk_app"
    good = _introduction(s, Stage.ARRANGED)
    elsewhere_carer = CarerFactory(area=other_area)
    elsewhere = Introduction.objects.create(
        area=other_area,
        referral=ReferralFactory(person__area=other_area, created_by=s.worker.user),
        person=s.person,
        carer=elsewhere_carer,
        arrangement_type="day_support",
        stage=Stage.AGREED,
        first_interest_from="person",
        person_yes_at=timezone.now(),
        carer_yes_at=timezone.now(),
        person_agreed_at=timezone.now(),
        carer_agreed_at=timezone.now(),
    )
    with within_area(s.referral.area):
        _insert(s, good)
        _refused(
            integrity.NOT_AGREED,
            lambda: _insert(s, elsewhere, area=s.referral.area, carer=s.carer),
        )
        Carer.objects.filter(pk=s.carer.pk).update(places=1)
        _refused(
            integrity.NO_FREE_PLACE,
            lambda: _insert(s, _introduction(s, Stage.ARRANGED, kind="short_breaks")),
        )
    assert Arrangement.objects.count() == 1


@pytest.mark.postgres_only
def test_postgres_refuses_with_a_check_violation(scheme):
    import psycopg

    with pytest.raises(IntegrityError) as refused, transaction.atomic():
        _insert(scheme, _introduction(scheme, Stage.INTEREST, agreed=False))
    assert isinstance(refused.value.__cause__, psycopg.errors.CheckViolation)


def test_the_rules_come_back_after_a_migration_drops_them(db):
    """SQLite drops a table's triggers when a migration rebuilds it; post_migrate puts them
    back (on PostgreSQL they stay, and the check finds nothing missing)."""
    from kinfolk.core.tests.plain_role import as_owner

    with as_owner(connection):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DROP TRIGGER sharedlives_arrangement_rules_insert")
            assert integrity.rules_missing(connection)
        integrity.ensure_rules(connection)
        assert not integrity.rules_missing(connection)


def test_lists_of_households_count_their_places_in_the_same_query(
    scheme, django_assert_num_queries
):
    from kinfolk.sharedlives.carers.selectors import approved_carers

    s = scheme
    _insert(s, _introduction(s, Stage.ARRANGED))
    households = approved_carers(area=s.referral.area)
    with django_assert_num_queries(0):
        counted = {c.name: (c.places_in_use, c.free_places) for c in households}
    assert counted == {"The Hughes household": (1, 1), "The Ahmed household": (0, 2)}
