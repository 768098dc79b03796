"""A person's Shared Lives records in their subject access export; free text blanked on erasure.

Arrangements, agreements and endings are kept (the scheme is a regulated service and must keep
its records); what the person said in their own words is removed.
"""

from .models import Arrangement, Introduction, Referral

KEY = "shared_lives"
OWN_WORDS = ("persons_choice", "wishes", "hobbies", "risks", "easy_read", "referrer_name")


def export(person) -> dict:
    area = person.area
    return {
        "referrals": [
            {"source": r.source, "received_on": r.received_on.isoformat(), "status": r.status,
             **{name: getattr(r, name) for name in OWN_WORDS},
             "arrangement_types": r.arrangement_types, "support_needs": r.support_needs,
             "interests": r.interests, "places_that_matter": r.places_that_matter}
            for r in Referral.objects.in_area(area).filter(person=person)
        ],
        "introductions": [
            {"household": i.carer.name, "stage": i.stage, "created_at": i.created_at.isoformat(),
             "closed_by_side": i.closed_by_side, "closed_reason": i.closed_reason,
             "views": [{"stage": v.stage, "side": v.side, "carry_on": v.carry_on, "view": v.view}
                       for v in i.views.all()]}
            for i in Introduction.objects.in_area(area).filter(person=person)
        ],
        "arrangements": [
            {"household": a.carer.name, "type": a.arrangement_type,
             "starts_on": a.starts_on.isoformat(), "status": a.status,
             "ended_on": a.ended_on.isoformat() if a.ended_on else None,
             "end_reason": a.end_reason, "next_step": a.next_step}
            for a in Arrangement.objects.in_area(area).filter(person=person).select_related("carer")
        ],
    }  # fmt: skip


def erase(person) -> None:
    area = person.area
    Referral.objects.in_area(area).filter(person=person).update(
        **dict.fromkeys(OWN_WORDS, ""), places_that_matter=[], interests=[]
    )
    Introduction.objects.in_area(area).filter(person=person).update(closed_reason="")
    from .models import StageView

    StageView.objects.in_area(area).filter(introduction__person=person).update(view="")
