"""Bad input to person records: normalised or refused with a clear message, never a 500."""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import api_token_for
from kinfolk.people import services
from kinfolk.people.forms import BreakGlassForm, PersonForm
from kinfolk.people.models import BreakGlassAccess, Person
from kinfolk.people.tests.factories import AssignmentFactory
from kinfolk.social_prescribing.forms import ReferForm

FULL_WIDTH = "９４３ ４７６ ５９１９"  # 943 476 5919 in full-width digits
ARABIC_INDIC = "٩٤٣٤٧٦٥٩١٩"
HIDDEN = "\u202eSam\u200b\u2066\ufeff"  # right-to-left override, zero-width space, isolate, BOM
INVISIBLE_ONLY = "\u200b\u200e\u202a \u2069\ufeff\u00a0"


@pytest.fixture
def worker(make_member, area):
    return make_member(Role.SCHEME_WORKER, area)


@pytest.fixture
def worker_actor(worker):
    return Actor(user=worker.user, membership=worker)


@pytest.fixture
def api(worker):
    token = api_token_for(worker)
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _send(client, method, url, body):
    response = client.generic(method, url, json.dumps(body), content_type="application/json")
    return response, response.json() if response.content else None


def _form(**fields):
    return {"given_name": "Ada", "family_name": "Lovelace", **fields}


# --- NHS numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", [FULL_WIDTH, ARABIC_INDIC, "943\u2011476\u20115919", "943\u00a0476\u00a05919"]
)
def test_an_nhs_number_typed_in_other_digits_is_stored_as_0_to_9(worker_actor, typed):
    person = services.person_create(actor=worker_actor, **_form(nhs_number=typed))
    assert Person.objects.get(pk=person.pk).nhs_number == "9434765919"


def test_the_form_and_the_api_store_full_width_digits_as_0_to_9(api):
    form = PersonForm(data=_form(nhs_number=FULL_WIDTH))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["nhs_number"] == "9434765919"
    response, data = _send(api, "POST", "/api/v1/people", _form(nhs_number=FULL_WIDTH))
    assert response.status_code == 201 and data["nhs_number"] == "9434765919"


def test_full_width_digits_still_need_the_check_digit(worker_actor):
    with pytest.raises(ValidationError, match="Enter a valid NHS number"):
        services.person_create(actor=worker_actor, **_form(nhs_number="９４３４７６５９１８"))
    assert not Person.objects.exists()


# --- names -----------------------------------------------------------------------------------


def test_bidi_and_zero_width_controls_are_taken_out_of_names(worker_actor, api):
    person = services.person_create(
        actor=worker_actor, given_name=HIDDEN, family_name="O\u200dkafor"
    )
    assert (person.given_name, person.family_name) == ("Sam", "Okafor")
    form = PersonForm(data=_form(given_name=HIDDEN, preferred_name="\u2067Sammy\u2069"))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["given_name"] == "Sam"
    assert form.cleaned_data["preferred_name"] == "Sammy"
    refer = ReferForm(data={"given_name": HIDDEN, "family_name": "Okafor\u200f"})
    refer.is_valid()
    assert (refer.cleaned_data["given_name"], refer.cleaned_data["family_name"]) == (
        "Sam",
        "Okafor",
    )
    response, data = _send(api, "POST", "/api/v1/people", _form(given_name=HIDDEN))
    assert response.status_code == 201 and data["given_name"] == "Sam"
    response, data = _send(api, "PATCH", f"/api/v1/people/{data['id']}", {"family_name": HIDDEN})
    assert response.status_code == 200 and data["family_name"] == "Sam"


def test_a_name_of_only_invisible_characters_is_refused(worker_actor, api):
    with pytest.raises(ValidationError):
        services.person_create(actor=worker_actor, given_name=INVISIBLE_ONLY, family_name="Okafor")
    assert not PersonForm(data=_form(given_name=INVISIBLE_ONLY)).is_valid()
    response, data = _send(api, "POST", "/api/v1/people", _form(given_name=INVISIBLE_ONLY))
    assert response.status_code == 422 and "given_name" in data["detail"]
    assert not Person.objects.exists()


# --- dates of birth --------------------------------------------------------------------------


def _too_old() -> date:
    return date.today().replace(year=date.today().year - 131)


@pytest.mark.parametrize("born", [date.today() + timedelta(days=1), _too_old()])
def test_a_date_of_birth_in_the_future_or_over_130_years_ago_is_refused(worker_actor, api, born):
    with pytest.raises(ValidationError, match="Date of birth"):
        services.person_create(actor=worker_actor, **_form(date_of_birth=born))
    form = PersonForm(
        data=_form(date_of_birth_day=born.day, date_of_birth_month=born.month,
                   date_of_birth_year=born.year)
    )  # fmt: skip
    assert not form.is_valid() and "Date of birth" in str(form.errors["date_of_birth"])
    response, data = _send(api, "POST", "/api/v1/people", _form(date_of_birth=born.isoformat()))
    assert response.status_code == 422 and "date_of_birth" in data["detail"]
    assert not Person.objects.exists()


def test_a_date_of_birth_129_years_ago_is_accepted(worker_actor):
    born = date.today().replace(year=date.today().year - 129, day=1)
    person = services.person_create(actor=worker_actor, **_form(date_of_birth=born))
    assert person.date_of_birth == born


def test_a_patch_cannot_move_a_date_of_birth_into_the_future(api, worker, person):
    AssignmentFactory(person=person, worker=worker.user)
    future = (date.today() + timedelta(days=30)).isoformat()
    response, data = _send(api, "PATCH", f"/api/v1/people/{person.pk}", {"date_of_birth": future})
    assert response.status_code == 422 and "date_of_birth" in data["detail"]


# --- reasons ---------------------------------------------------------------------------------


def test_a_break_glass_reason_needs_visible_characters(worker_actor, api, person):
    padded = "\u200b" * 30 + " " * 10
    with pytest.raises(ValidationError, match="at least 20 characters"):
        services.break_glass_open(actor=worker_actor, person=person, reason=padded)
    assert not BreakGlassForm(data={"reason": INVISIBLE_ONLY * 5}).is_valid()
    response, data = _send(
        api, "POST", f"/api/v1/people/{person.pk}/emergency-access", {"reason": padded}
    )
    assert response.status_code == 422 and "reason" in data["detail"]
    assert not BreakGlassAccess.objects.exists()


# --- PATCH with null -------------------------------------------------------------------------

TEXT_FIELDS = [
    "given_name", "family_name", "preferred_name", "email", "phone", "address", "postcode",
    "nhs_number", "communication_needs", "what_matters_to_me", "can_do",
    "could_do_with_support", "rely_on_services_for",
]  # fmt: skip


@pytest.mark.parametrize("name", TEXT_FIELDS)
def test_null_in_a_patch_is_a_clear_422_and_changes_nothing(api, worker, person, name):
    AssignmentFactory(person=person, worker=worker.user)
    before = Person.objects.get(pk=person.pk)
    response, data = _send(api, "PATCH", f"/api/v1/people/{person.pk}", {name: None})
    assert response.status_code == 422
    assert name in data["detail"] and "cannot be null" in data["detail"]
    after = Person.objects.get(pk=person.pk)
    assert getattr(after, name) == getattr(before, name) and after.updated_at == before.updated_at


def test_null_date_of_birth_clears_it(api, worker, person):
    AssignmentFactory(person=person, worker=worker.user)
    Person.objects.filter(pk=person.pk).update(date_of_birth=date(1958, 3, 27))
    response, data = _send(api, "PATCH", f"/api/v1/people/{person.pk}", {"date_of_birth": None})
    assert response.status_code == 200 and data["date_of_birth"] is None


def test_nhs_numbers_already_stored_in_full_width_digits_are_normalised(person):
    from importlib import import_module

    from django.apps import apps

    Person.objects.filter(pk=person.pk).update(nhs_number="９４３４７６５９１９")
    migration = import_module("kinfolk.people.migrations.0002_nhs_numbers_in_ascii_digits")
    migration.nhs_numbers_in_ascii_digits(apps, None)
    assert Person.objects.get(pk=person.pk).nhs_number == "9434765919"
