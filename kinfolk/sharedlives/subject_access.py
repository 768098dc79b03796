"""A person's Shared Lives records in their subject access export; their words erased.

The facts of referrals, introductions, arrangements and reviews are kept (dates, types,
status: the scheme is a regulated service and its reports count them); everything written in
words about the person is replaced by "Erased". Carer households' own records are about the
carers, not the person, and are declared as such.
"""

from kinfolk.core.subject_access import Part, erase_words, holds_nothing_about_a_person, register
from kinfolk.core.subject_access import when as _when

from .models import (
    Arrangement,
    ArrangementReview,
    Introduction,
    Meeting,
    NotForMe,
    Referral,
    SaidFor,
    StageView,
)

KEY = "shared_lives"
OWN_WORDS = ("persons_choice", "wishes", "hobbies", "risks", "easy_read", "referrer_name")
REVIEW_WORDS = ("notes", "person_view", "carer_view", "going_well", "to_change", "agreed_actions")


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
                       for v in i.views.all()],
             "meetings": [{"stage": m.stage, "starts_at": m.starts_at.isoformat(),
                           "ends_at": m.ends_at.isoformat(), "place": m.place,
                           "getting_there": m.getting_there, "status": m.status,
                           "proposed_by_side": m.proposed_by_side,
                           "cancelled_reason": m.cancelled_reason}
                          for m in i.meetings.all()]}
            for i in Introduction.objects.in_area(area).filter(person=person)
        ],
        "arrangements": [
            {"household": a.carer.name, "type": a.arrangement_type,
             "starts_on": a.starts_on.isoformat(), "status": a.status,
             "ended_on": _when(a.ended_on), "end_reason": a.end_reason, "next_step": a.next_step,
             "reviews": [{"kind": r.kind, "due_on": _when(r.due_on), "done_on": _when(r.done_on),
                          **{name: getattr(r, name) for name in REVIEW_WORDS},
                          "back_to_panel": r.back_to_panel} for r in a.reviews.all()]}
            for a in Arrangement.objects.in_area(area).filter(person=person).select_related("carer")
        ],
        "not_for_me": [
            {"household": n.carer.name, "side": n.side, "reason": n.reason,
             "said_at": n.said_at.isoformat(), "undone_at": _when(n.undone_at)}
            for n in NotForMe.objects.in_area(area).filter(person=person).select_related("carer")
        ],
        "recorded_for_someone": [
            {"household": f.carer.name, "side": f.side, "what": f.what, "stage": f.stage,
             "recorded_as": f.recorded_as, "shown_how": f.shown_how, "note": f.note,
             "recorded_at": f.recorded_at.isoformat()}
            for f in SaidFor.objects.in_area(area).filter(person=person).select_related("carer")
        ],
    }  # fmt: skip


def erase(person) -> None:
    area = person.area
    referrals = Referral.objects.in_area(area).filter(person=person)
    erase_words(referrals, *OWN_WORDS)
    referrals.update(places_that_matter=[], interests=[])
    erase_words(Introduction.objects.in_area(area).filter(person=person), "closed_reason")
    erase_words(StageView.objects.in_area(area).filter(introduction__person=person), "view")
    erase_words(NotForMe.objects.in_area(area).filter(person=person), "reason")
    erase_words(SaidFor.objects.in_area(area).filter(person=person), "note")
    erase_words(
        Meeting.objects.in_area(area).filter(introduction__person=person),
        "place", "getting_there", "cancelled_reason",
    )  # fmt: skip
    arrangements = Arrangement.objects.in_area(area).filter(person=person)
    erase_words(arrangements, "end_reason", "next_step")
    erase_words(ArrangementReview.objects.in_area(area).filter(arrangement__person=person),
                *REVIEW_WORDS)  # fmt: skip


CARERS_OWN = "a carer household's own record (about the carers, not a person who uses support)"


def register_parts() -> None:
    register(
        Part(
            KEY,
            ("sharedlives.Referral", "sharedlives.Introduction", "sharedlives.StageView",
             "sharedlives.Arrangement", "sharedlives.ArrangementReview", "sharedlives.NotForMe",
             "sharedlives.SaidFor", "sharedlives.Meeting"),
            export,
            erase,
        )
    )  # fmt: skip
    for model in ("Carer", "ApplicationCheck", "PanelDecision", "TrainingRecord", "CarerCheck",
                  "ProfileChange", "HouseholdPhoto"):  # fmt: skip
        holds_nothing_about_a_person(f"sharedlives.{model}", CARERS_OWN)
