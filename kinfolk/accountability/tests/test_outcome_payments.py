"""Outcome payments: a price per outcome the measures show, paid only when the person confirms
it in their own words, within caps per person and per contract; the provider and commissioner
see figures, never who; the mix of people taken on is compared with the area's."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from kinfolk.accountability.outcomes import services
from kinfolk.accountability.outcomes.models import ClaimStatus, OutcomeClaim, OutcomeKind
from kinfolk.accountability.outcomes.presenters import fairness
from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import UserFactory
from kinfolk.core.tests.pages import words_on
from kinfolk.directory.tests.factories import service as make_service
from kinfolk.notifications.models import Notification
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, PersonFactory
from kinfolk.social_prescribing.models import OrganizationMember
from kinfolk.wellbeing.models import Episode, MeasureResponse

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
WALK = "Calder walking group"


def _lonely(person, score: int, days_ago: int, recorder):
    MeasureResponse.objects.create(
        area=person.area, person=person, measure="loneliness", answers={},
        score={"ucla3": score, "how_often_lonely": 1}, recorded_with="self",
        recorded_by=recorder, completed_at=timezone.now() - timedelta(days=days_ago),
    )  # fmt: skip


def _joined(area, name: str, before: int, after: int, *, recorder, started_days_ago=200,
            later_after_days=120):  # fmt: skip
    user = UserFactory()
    person = PersonFactory(area=area, user=user, given_name=name)
    Episode.objects.create(area=area, person=person, kind="service", service=WALK,
                           started_on=TODAY - timedelta(days=started_days_ago))  # fmt: skip
    _lonely(person, before, started_days_ago + 10, recorder)
    _lonely(person, after, started_days_ago - later_after_days, recorder)
    return person


@pytest.fixture
def world(area, make_member, actor_for):
    commissioner = actor_for(make_member(Role.COMMISSIONER, area))
    walk = make_service(area, WALK)
    contract = services.contract_create(
        actor=commissioner, title="Less lonely in Calder Vale", organization=walk.organization,
        service=WALK, starts_on=TODAY - timedelta(days=365), ends_on=TODAY + timedelta(days=30),
        follow_up_days=90, cap_per_person_pence=50_000, cap_pence=1_000_000,
        prices={OutcomeKind.LESS_LONELY: 25_000},
    )  # fmt: skip
    recorder = commissioner.user
    people = {
        "ana": _joined(area, "Ana", 8, 5, recorder=recorder),
        "bo": _joined(area, "Bo", 7, 4, recorder=recorder),
        "cy": _joined(area, "Cy", 6, 6, recorder=recorder),
    }
    return commissioner, walk, contract, people


def test_the_monthly_run_asks_each_person_whose_loneliness_fell_and_nobody_else(world):
    _, _, contract, people = world
    assert services.monthly_run(TODAY) == "asked:2 paid:0"
    asked = OutcomeClaim.objects.order_by("person__given_name")
    assert [(c.person.given_name, c.before, c.after) for c in asked] == [
        ("Ana", 8, 5),
        ("Bo", 7, 4),
    ]
    told = Notification.objects.get(recipient=people["ana"].user, event=services.TO_CONFIRM)
    assert "Ana" not in told.text and "lonel" not in told.text
    assert services.monthly_run(TODAY) == "asked:0 paid:0"  # asked once


def test_only_what_the_person_confirmed_in_their_words_is_paid(world, actor_for):
    _, _, contract, people = world
    services.monthly_run(TODAY)
    ana = OutcomeClaim.objects.get(person=people["ana"])
    bo = OutcomeClaim.objects.get(person=people["bo"])
    ana_actor = actor_for(
        people["ana"].user.memberships.first() or _person_membership(people["ana"])
    )
    with pytest.raises(Exception, match="Say in your own words"):
        services.claim_answer(actor=ana_actor, claim=ana, confirmed=True, in_their_words=" ")
    services.claim_answer(actor=ana_actor, claim=ana, confirmed=True,
                          in_their_words="I walk with Pat on Thursdays now.")  # fmt: skip
    bo_actor = actor_for(_person_membership(people["bo"]))
    services.claim_answer(actor=bo_actor, claim=bo, confirmed=False, in_their_words="")
    assert services.monthly_run(TODAY) == "asked:0 paid:25000"
    ana.refresh_from_db(), bo.refresh_from_db()
    assert ana.paid_pence == 25_000 and ana.paid_month == TODAY.replace(day=1)
    assert bo.status == ClaimStatus.NOT_CONFIRMED and bo.paid_month is None
    assert services.monthly_run(TODAY) == "asked:0 paid:0"  # never paid twice


def _person_membership(person):
    from kinfolk.accounts.models import Membership

    return Membership.objects.get_or_create(user=person.user, area=person.area, role=Role.PERSON)[0]


def test_the_database_refuses_paying_a_claim_nobody_confirmed(world):
    services.monthly_run(TODAY)
    claim = OutcomeClaim.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeClaim.objects.filter(pk=claim.pk).update(paid_month=TODAY, paid_pence=25_000)


def test_the_caps_limit_what_one_person_and_the_contract_are_paid(world, actor_for):
    _, _, contract, people = world
    contract.cap_per_person_pence, contract.cap_pence = 10_000, 15_000
    contract.save()
    services.monthly_run(TODAY)
    for name in ("ana", "bo"):
        claim = OutcomeClaim.objects.get(person=people[name])
        services.claim_answer(actor=actor_for(_person_membership(people[name])), claim=claim,
                              confirmed=True, in_their_words="Yes, less lonely.")  # fmt: skip
    assert services.monthly_run(TODAY) == "asked:0 paid:15000"
    assert sorted(OutcomeClaim.objects.values_list("paid_pence", flat=True)) == [5_000, 10_000]


def test_an_outcome_too_soon_after_starting_does_not_count(area, world):
    commissioner, _, contract, _ = world
    _joined(area, "Di", 8, 3, recorder=commissioner.user, later_after_days=30)
    services.monthly_run(TODAY)
    assert not OutcomeClaim.objects.filter(person__given_name="Di").exists()


def test_someone_acting_for_the_person_says_how_the_person_showed_it(
    world, make_member, signed_in_client
):
    _, _, _, people = world
    services.monthly_run(TODAY)
    claim = OutcomeClaim.objects.get(person=people["ana"])
    rep = make_member(Role.REPRESENTATIVE, people["ana"].area)
    AccessGrantFactory(person=people["ana"], grantee=rep.user, scope=GrantScope.ACT_FOR)
    client = signed_in_client(rep)
    url = f"/accountability/outcomes/claims/{claim.pk}/"
    page = words_on(client.get(url).content.decode())
    assert "Since Ana started at Calder walking group, Ana feels less lonely." in page
    assert "How did Ana show you?" in page
    refused = client.post(url, {"answer": "yes", "in_their_words": "Happier"})
    assert "Answer “How did Ana show you?”" in words_on(refused.content.decode())
    assert OutcomeClaim.objects.get(pk=claim.pk).status == ClaimStatus.ASKED
    client.post(url, {"answer": "yes", "in_their_words": "Happier", "how_shown": "She said so"})
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CONFIRMED and claim.how_shown == "She said so"


def test_the_provider_and_commissioner_see_figures_never_who(
    world, area, make_member, signed_in_client
):
    commissioner, walk, contract, people = world
    services.monthly_run(TODAY)
    member = make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area)
    OrganizationMember.objects.create(organization=walk.organization, user=member.user)
    for who in (commissioner.membership, member):
        page = words_on(
            signed_in_client(who).get(f"/accountability/outcomes/{contract.pk}/").content.decode()
        )
        assert "down by 1 or more Price £250.00 Asked Suppressed" in page
        assert "Ana" not in page and "Bo " not in page
    stranger = make_member(Role.COMMUNITY_ORGANISATION_MEMBER, area)
    assert (
        signed_in_client(stranger).get(f"/accountability/outcomes/{contract.pk}/").status_code
        == 403
    )


def test_a_commissioner_sets_up_a_contract_from_the_page(world, signed_in_client):
    commissioner, walk, _, _ = world
    client = signed_in_client(commissioner.membership)
    form = client.get("/accountability/outcomes/new/").content.decode()
    assert WALK in form
    day = {"starts_on_day": 1, "starts_on_month": 4, "starts_on_year": 2026,
           "ends_on_day": 31, "ends_on_month": 3, "ends_on_year": 2027}  # fmt: skip
    data = {"title": "Friends for life", "organization": str(walk.organization.pk),
            "service": WALK, "follow_up_days": 90, "cap_per_person": "£500",
            "cap": "£400", **day}  # fmt: skip
    refused = words_on(client.post("/accountability/outcomes/new/", data).content.decode())
    assert "The contract's cap must be at least the cap for one person." in refused
    data.update(cap="£10,000")
    refused = words_on(client.post("/accountability/outcomes/new/", data).content.decode())
    assert "Give a price for at least one outcome." in refused
    data.update(price_new_unpaid_relationship="£300")
    done = client.post("/accountability/outcomes/new/", data, follow=True)
    assert "The contract is set up." in words_on(done.content.decode())


def test_taking_on_people_who_were_less_lonely_to_start_with_is_flagged():
    easy = fairness([3, 3, 4, 3, 4], [7, 8, 6, 7, 8, 3, 4])
    assert easy.flagged and "Check that the service is not choosing" in easy.words
    fair = fairness([7, 8, 6, 7, 8], [7, 8, 6, 7, 8, 7])
    assert not fair.flagged
    assert "Too few people" in fairness([3, 4], [7, 8, 6, 7, 8]).words


def test_a_new_unpaid_relationship_and_more_satisfaction_are_read_from_the_circle_and_ons4(
    area, world
):
    from kinfolk.accountability.outcomes.evidence import evidence_for
    from kinfolk.wellbeing.models import CircleMember, CircleSnapshot

    commissioner = world[0]
    person = PersonFactory(area=area, given_name="Eve")
    start = TODAY - timedelta(days=200)
    episode = Episode.objects.create(
        area=area, person=person, kind="service", service=WALK, started_on=start
    )
    for days, unpaid, satisfied in ((-10, 1, 4), (150, 2, 6)):
        circle = CircleSnapshot.objects.create(
            area=area, person=person, taken_on=start + timedelta(days=days),
            recorded_by=commissioner.user,
        )  # fmt: skip
        for n in range(unpaid):
            CircleMember.objects.create(area=area, snapshot=circle, key=f"k{n}", name=f"F{n}",
                                        who="friend", ring=2, contact="weekly")  # fmt: skip
        CircleMember.objects.create(
            area=area, snapshot=circle, key="worker", name="Key worker", who="paid_support",
            ring=3, contact="weekly", paid=True,
        )  # fmt: skip
        MeasureResponse.objects.create(
            area=area, person=person, measure="ons4", answers={}, recorded_with="self",
            score={"life_satisfaction": {"value": satisfied, "band": "x"}},
            recorded_by=commissioner.user,
            completed_at=timezone.now() - timedelta(days=200 - days),
        )  # fmt: skip
    shown = evidence_for([episode], TODAY)[episode.pk]
    unpaid = shown[OutcomeKind.NEW_UNPAID_RELATIONSHIP]
    assert (unpaid.before, unpaid.after) == (1, 2)
    satisfied = shown[OutcomeKind.MORE_SATISFIED]
    assert (satisfied.before, satisfied.after) == (4, 6)
    assert OutcomeKind.LESS_LONELY not in shown
