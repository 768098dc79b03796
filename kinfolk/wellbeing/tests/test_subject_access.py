"""Subject access exports a person's wellbeing; erasure removes it."""

from kinfolk.wellbeing import services
from kinfolk.wellbeing.models import CircleSnapshot, MeasureResponse
from kinfolk.wellbeing.tests.conftest import ONS4


def test_subject_access_exports_and_erasure_removes_wellbeing(people):
    from kinfolk.people.subject_access import person_erase, person_export

    person, you, *_ = people
    services.response_record(actor=you, person=person, measure="ons4", answers=ONS4)
    services.circle_add(
        actor=you, person=person, name="Ama", who="family", ring=1, contact="weekly", paid=False
    )
    exported = person_export(person=person)
    assert exported["wellbeing"]["measures"][0]["answers"] == ONS4
    assert exported["wellbeing"]["circles"][0]["members"][0]["name"] == "Ama"
    assert "referrals" in exported["shared_lives"]
    person_erase(person=person)
    assert not MeasureResponse.objects.filter(person=person).exists()
    assert not CircleSnapshot.objects.filter(person=person).exists()
