"""What family carers' work holds about a person, in their export, and removed on erasure.

A person is in it as the cared-for person of a linked plan, or as a family carer (their own
plans, and their assessment requests). Erasing either removes the plans: a plan is about the
cared-for person and written by the carer, so it is not kept without one of them.
"""

from django.db.models import Q

from kinfolk.core.subject_access import Part, holds_nothing_about_a_person, register, when

from .models import AssessmentRequest, CaredFor
from .services import PLAN_FIELDS

KEY = "family_carers"


def _plans(person):
    about = Q(person=person)
    if person.user_id:
        about |= Q(carer_id=person.user_id)
    return CaredFor.objects.in_area(person.area).filter(about).select_related("plan")


def export(person) -> dict:
    plans = []
    for row in _plans(person):
        plan = row.plan
        plans.append(
            {
                "cared_for": row.name,
                "as": "cared_for" if row.person_id == person.pk else "carer",
                "what_i_do": row.what_i_do,
                "what_would_help": row.what_would_help,
                "agreed_at": when(row.agreed_at),
                "plan": {name: getattr(plan, name) for name in PLAN_FIELDS},
                "back_up_contacts": [
                    {
                        "rank": c.rank,
                        "name": c.name,
                        "phone": c.phone,
                        "confirmed_at": when(c.confirmed_at),
                    }
                    for c in plan.contacts.all()
                ],
                "card_used": [
                    {
                        "opened_at": when(o.opened_at),
                        "opened_as": o.opened_as,
                        "calls": [
                            {"called_at": when(c.called_at), "answer": c.answer}
                            for c in o.calls.all()
                        ],
                    }
                    for card in plan.cards.all()
                    for o in card.openings.all()
                ],
            }
        )
    requests = (
        AssessmentRequest.objects.in_area(person.area).filter(carer_id=person.user_id)
        if person.user_id
        else []
    )
    return {
        "emergency_plans": plans,
        "carers_assessment_requests": [
            {
                "requested_at": when(r.requested_at),
                "status": r.status,
                "what_to_talk_about": r.what_to_talk_about,
            }
            for r in requests
        ],
    }


def erase(person) -> None:
    """The plans (with their contacts, cards and every use of them) and assessment requests go."""
    _plans(person).delete()
    if person.user_id:
        AssessmentRequest.objects.in_area(person.area).filter(carer_id=person.user_id).delete()


def register_parts() -> None:
    register(
        Part(
            KEY,
            (
                "family_carers.CaredFor",
                "family_carers.EmergencyPlan",
                "family_carers.BackupContact",
                "family_carers.EmergencyCard",
                "family_carers.CardOpening",
                "family_carers.CallMade",
                "family_carers.AssessmentRequest",
            ),
            export,
            erase,
        )
    )
    holds_nothing_about_a_person(
        "family_carers.EmergencySettings", "an area's emergency team name and 24-hour number"
    )
    holds_nothing_about_a_person(
        "family_carers.CardTry",
        "a user's card number tries (user id, time, right or wrong) for the rate limit; never "
        "the number typed",
    )
