"""A person's wellbeing data in their subject access export, and removed when they are erased.

Episodes (which service, when it started and ended) are kept without the person's name, so the
connection test's counts do not change; answers, check-ins and circles are the person's own
words and go.
"""

from kinfolk.core.subject_access import Part, holds_nothing_about_a_person, register, when

from .models import CheckIn, CircleSnapshot, Episode, MeasureResponse, Visibility

KEY = "wellbeing"


def export(person) -> dict:
    area = person.area
    return {
        "measures": [
            {"measure": r.measure, "answers": r.answers, "score": r.score,
             "recorded_with": r.recorded_with, "completed_at": r.completed_at.isoformat()}
            for r in MeasureResponse.objects.in_area(area).filter(person=person)
        ],
        "check_ins": [
            {"areas": c.areas, "can_do": c.can_do,
             "could_do_with_support": c.could_do_with_support,
             "rely_on_services_for": c.rely_on_services_for,
             "checked_in_at": c.checked_in_at.isoformat()}
            for c in CheckIn.objects.in_area(area).filter(person=person)
        ],
        "circles": [
            {"taken_on": s.taken_on.isoformat(),
             "members": [{"name": m.name, "who": m.who, "ring": m.ring, "contact": m.contact,
                          "paid": m.paid} for m in s.members.all()]}
            for s in CircleSnapshot.objects.in_area(area).filter(person=person)
        ],
        "episodes": [
            {"kind": e.kind, "service": e.service, "started_on": when(e.started_on),
             "ended_on": when(e.ended_on)}
            for e in Episode.objects.in_area(area).filter(person=person)
        ],
        "who_may_see_how_i_am_doing": [
            {"workers": v.workers, "representatives": v.representatives}
            for v in Visibility.objects.in_area(area).filter(person=person)
        ],
    }  # fmt: skip


def erase(person) -> None:
    """Answers, check-ins and circles are the person's own words: they go."""
    area = person.area
    for model in (MeasureResponse, CheckIn, CircleSnapshot, Visibility):
        model.objects.in_area(area).filter(person=person).delete()


def register_parts() -> None:
    register(
        Part(
            KEY,
            ("wellbeing.MeasureResponse", "wellbeing.CheckIn", "wellbeing.CircleSnapshot",
             "wellbeing.CircleMember", "wellbeing.Episode", "wellbeing.Visibility"),
            export,
            erase,
        )
    )  # fmt: skip
    holds_nothing_about_a_person(
        "wellbeing.LicensedWording", "the licensed wording of a questionnaire"
    )
