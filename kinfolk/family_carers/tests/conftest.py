"""A family carer with a plan for their father, two back-up contacts (one confirmed), a card,
and the people around them: a responder, the cared-for person's own record, workers."""

from dataclasses import dataclass

import pytest

from kinfolk.accounts.models import Role
from kinfolk.family_carers import services
from kinfolk.family_carers.demo import PLAN
from kinfolk.family_carers.models import EmergencySettings


@dataclass
class Family:
    area: object
    carer: object  # membership
    cared_for: object
    card: object
    aisha: object  # membership of the confirmed back-up contact
    contact_aisha: object
    contact_tunde: object  # not confirmed yet
    responder: object  # membership


@pytest.fixture
def carer_actor(area, make_member, actor_for):
    return actor_for(make_member(Role.FAMILY_CARER, area, display_name="Joy Adeyemi"))


@pytest.fixture
def family(area, make_member, actor_for) -> Family:
    EmergencySettings.objects.create(area=area, twenty_four_hour_number="01632 960 000")
    carer = make_member(Role.FAMILY_CARER, area, display_name="Joy Adeyemi")
    actor = actor_for(carer)
    cared_for = services.cared_for_add(actor=actor, name="Samuel Adeyemi")
    services.plan_save(actor=actor, cared_for=cared_for, **PLAN)
    aisha = make_member(
        Role.BACKUP_CONTACT, area, display_name="Aisha Begum", email="aisha@example.test"
    )
    contact, token = services.contact_add(
        actor=actor,
        cared_for=cared_for,
        name="Aisha Begum",
        phone="07700 900 101",
        email="aisha@example.test",
        relationship="neighbour",
    )
    services.contact_answer(user=aisha.user, token=token, agree=True)
    tunde, _ = services.contact_add(
        actor=actor,
        cared_for=cared_for,
        name="Tunde Adeyemi",
        phone="07700 900 102",
        email="tunde@example.test",
    )
    card = services.card_issue(actor=actor, cared_for=cared_for)
    contact.refresh_from_db()
    return Family(
        area=area,
        carer=carer,
        cared_for=cared_for,
        card=card,
        aisha=aisha,
        contact_aisha=contact,
        contact_tunde=tunde,
        responder=make_member(Role.EMERGENCY_RESPONDER, area, display_name="Dan Ellis"),
    )
