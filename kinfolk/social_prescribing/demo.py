"""Social prescribing referrals at every stage, for the demo area."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.directory.models import Organization, Service
from kinfolk.people.models import Assignment
from kinfolk.wellbeing.models import MeasureResponse
from kinfolk.wellbeing.scoring import score

from .models import (
    DECLINED_CODE,
    CommunityReferral,
    Conversation,
    Goal,
    Message,
    OrganizationMember,
    Reason,
    Referral,
)
from .services import practice_record

# The demo area's practices and teams (made-up, with codes shaped like NHS ODS codes).
PRACTICES = [
    ("B82005", "Calder Health Centre", "HX1 1AA"),
    ("B82011", "Todmorden Group Practice", "OL14 5RN"),
    ("B82020", "Brighouse Medical Centre", "HD6 1DN"),
    ("B82033", "Hebden Bridge Surgery", "HX7 8AD"),
    ("B82047", "Sowerby Bridge Health Centre", "HX6 2DN"),
    ("RCF52", "Calder Vale community nursing team", "HX1 2TT"),
]
STAGES = (
    ["new"] * 4
    + ["contacted"] * 4
    + ["sent"] * 3
    + ["accepted"] * 2
    + ["declined_by_org"] * 2
    + ["connected"] * 6
    + ["closed"] * 6
    + ["declined"] * 2
)  # noqa: E501


def _ons4(area, person, by, when, lift, rng):
    answers = {
        "life_satisfaction": min(10, 4 + lift + rng.randint(0, 1)),
        "worthwhile": min(10, 5 + lift),
        "happiness": min(10, 4 + lift),
        "anxiety": max(0, 7 - lift),
    }
    return MeasureResponse.objects.create(
        area=area,
        person=person,
        measure="ons4",
        answers=answers,
        score=score("ons4", answers),
        recorded_with="with_someone",
        recorded_by=by,
        completed_at=when,
    )


def load_practices(area) -> list:
    """The demo area's list of practices, as the `practice_add` command would add them."""
    return [
        practice_record(area=area, ods_code=code, name=name, postcode=postcode)
        for code, name, postcode in PRACTICES
    ]


def load_prescribing(area, people: list, referrer, link_worker, community_member, rng) -> None:
    practices = load_practices(area)
    walking = (
        Service.objects.filter(
            organization__area=area,
            name__startswith="Walking group",
            organization__listing_status="approved",
        )
        .select_related("organization")
        .first()
    ) or Service.objects.filter(organization__area=area).select_related("organization").first()
    if walking is None:
        return
    OrganizationMember.objects.get_or_create(
        organization=walking.organization, user=community_member
    )
    others = list(
        Service.objects.filter(organization__listing_status="approved").exclude(
            organization=walking.organization
        )[:20]
    )
    now = timezone.now()
    for n, (person, stage) in enumerate(zip(people, STAGES, strict=False)):
        received = now - timedelta(days=rng.randint(3, 150))
        Assignment.objects.get_or_create(
            area=area,
            person=person,
            worker=referrer,
            kind=Assignment.Kind.REFERRER,
            ended_at=None,
        )
        practice = rng.choice(practices)
        referral = Referral.objects.create(
            area=area,
            person=person,
            referrer=referrer,
            practice=practice.name,
            practice_code=practice.ods_code,
            consent_recorded=True,
            consent_given_by="person",
            reasons=sorted(rng.sample(list(Reason.values), rng.randint(1, 3))),
            what_matters=person.what_matters_to_me,
            received_at=received,
        )
        if stage == "new":
            continue
        Assignment.objects.get_or_create(
            area=area,
            person=person,
            worker=link_worker,
            kind=Assignment.Kind.LINK_WORKER,
            ended_at=None,
        )
        contact = received + timedelta(days=rng.randint(1, 12))
        referral.link_worker, referral.first_contact_at, referral.status = (
            link_worker,
            contact,
            "contacted",
        )
        Conversation.objects.create(
            area=area,
            referral=referral,
            held_on=contact.date(),
            by=link_worker,
            notes="First chat at home: what a good week would look like.",
        )
        Goal.objects.create(
            area=area, referral=referral, in_their_words="Get out of the house twice a week"
        )
        referral.baseline = _ons4(area, person, link_worker, contact, 0, rng)
        if stage == "declined":
            referral.status, referral.code = "declined", DECLINED_CODE
            referral.closed_at = contact + timedelta(days=5)
            Message.objects.create(
                area=area,
                referral=referral,
                to=referrer,
                text=f"{person.called} decided not to take up social prescribing.",
            )
        if stage in ("sent", "accepted", "declined_by_org", "connected", "closed"):
            service = walking if n % 2 == 0 else rng.choice(others or [walking])
            status = {"sent": "sent", "accepted": "accepted", "declined_by_org": "declined"}.get(
                stage, "started"
            )
            sent = CommunityReferral.objects.create(
                area=area,
                referral=referral,
                service=service,
                organization=service.organization,
                status=status,
                decided_at=contact + timedelta(days=4) if status != "sent" else None,
                declined_reason="We are full until the spring; try our Thursday group."
                if status == "declined"
                else "",
                contact_shared=n % 3 != 0,  # most agreed the group may phone them
            )
            # Sent a day after the first conversation; started when they were connected.
            CommunityReferral.objects.filter(pk=sent.pk).update(
                sent_at=contact + timedelta(days=1),
                started_at=contact + timedelta(days=10) if status == "started" else None,
            )
        if stage in ("connected", "closed"):
            referral.status, referral.connected_at = "connected", contact + timedelta(days=10)
            Message.objects.create(
                area=area,
                referral=referral,
                to=referrer,
                text=f"{person.called} is now connected to a community activity.",
            )
        if stage == "closed":
            referral.follow_up = _ons4(
                area, person, link_worker, contact + timedelta(days=90), 2, rng
            )
            referral.status, referral.closed_at = "closed", contact + timedelta(days=95)
            referral.closing_summary = "Going to the walking group weekly and made two friends."
            Message.objects.create(
                area=area,
                referral=referral,
                to=referrer,
                text=f"Closed: {referral.closing_summary}",
            )
        referral.save()
        if stage in ("declined", "closed"):
            _end_access(referral)
    Organization.objects.filter(pk=walking.organization_id).update(listing_status="approved")


def _end_access(referral: Referral) -> None:
    """As in the service: an ended referral ends the referrer's and link worker's allocations."""
    Assignment.objects.in_area(referral.area).filter(
        Q(worker=referral.referrer, kind=Assignment.Kind.REFERRER)
        | Q(worker=referral.link_worker, kind=Assignment.Kind.LINK_WORKER),
        person=referral.person,
        ended_at__isnull=True,
    ).update(ended_at=referral.closed_at, ended_because=Assignment.EndedBecause.REFERRAL_CLOSED)


def load_demo(demo) -> None:
    """The demo area's part: its practices, and thirty people's social prescribing (a
    full-size demo area only)."""
    load_practices(demo.area)
    if demo.full_size:
        load_prescribing(
            demo.area,
            demo.people[150:180],
            demo.sign_ins[Role.REFERRER],
            demo.sign_ins[Role.LINK_WORKER],
            demo.sign_ins[Role.COMMUNITY_ORGANISATION_MEMBER],
            demo.rng,
        )
