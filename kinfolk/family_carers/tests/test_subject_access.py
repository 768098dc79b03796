"""Subject access exports a linked plan to the person it is about, and a carer's own plans and
assessment requests to the carer; erasure removes them."""

import pytest

from kinfolk.accounts.models import Role
from kinfolk.family_carers import services
from kinfolk.family_carers.models import AssessmentRequest, CardOpening, CaredFor
from kinfolk.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_the_cared_for_person_gets_the_plan_and_erasure_removes_it(family, make_member, actor_for):
    from kinfolk.people.subject_access import person_erase, person_export

    samuel = make_member(Role.PERSON, family.area, email="samuel@example.test")
    person = PersonFactory(area=family.area, user=samuel.user)
    carer = actor_for(family.carer)
    cared_for = services.cared_for_ask_to_link(actor=carer, name="Dad", email=samuel.user.email)
    services.carer_answer(actor=actor_for(samuel), cared_for=cared_for, agree=True)
    services.plan_save(actor=carer, cared_for=cared_for, allergies="Penicillin")
    card = services.card_issue(actor=carer, cared_for=cared_for)
    services.card_try(actor=actor_for(family.responder), number=card.number)
    [plan] = person_export(person=person)["family_carers"]["emergency_plans"]
    assert plan["as"] == "cared_for" and plan["plan"]["allergies"] == "Penicillin"
    assert plan["card_used"][0]["opened_as"] == "responder"
    person_erase(person=person)
    assert not CaredFor.objects.filter(pk=cared_for.pk).exists()
    assert not CardOpening.objects.filter(card__plan__cared_for=cared_for.pk).exists()
    assert CaredFor.objects.filter(pk=family.cared_for.pk).exists()  # Joy's other plan stays


def test_a_carer_gets_their_own_plans_and_requests(family, actor_for):
    from kinfolk.people.subject_access import person_erase, person_export

    me = PersonFactory(area=family.area, user=family.carer.user)
    services.assessment_request(actor=actor_for(family.carer), what_to_talk_about="Nights")
    exported = person_export(person=me)["family_carers"]
    assert exported["emergency_plans"][0]["cared_for"] == "Samuel Adeyemi"
    assert exported["carers_assessment_requests"][0]["what_to_talk_about"] == "Nights"
    person_erase(person=me)
    assert not CaredFor.objects.filter(carer=family.carer.user).exists()
    assert not AssessmentRequest.objects.exists()
