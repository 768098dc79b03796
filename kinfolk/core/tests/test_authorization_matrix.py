"""Every page and API endpoint x every role x a record in their own area or another one.

A new URL or API operation fails `test_every_endpoint_is_in_the_matrix` until it joins.
"""

import json
import uuid
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.db.models import Max
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from kinfolk.accounts.middleware import ACTING_MEMBERSHIP_KEY
from kinfolk.accounts.models import Role
from kinfolk.accounts.tests.factories import MembershipFactory, UserFactory
from kinfolk.api.api import api
from kinfolk.core.models import AuditAction, AuditLog
from kinfolk.core.tests.factories import AreaFactory
from kinfolk.people.models import GrantScope
from kinfolk.people.tests.factories import AccessGrantFactory, AssignmentFactory, PersonFactory

ALLOW, DENY, LOGIN = "allow", "deny", "login"

# Actors: each role's user, with the relationship that role naturally has to the record.
PERSON = "person (their own record)"
REPRESENTATIVE = "representative (acts for the person)"
ALLOCATED = "scheme worker (allocated)"
UNALLOCATED = "scheme worker (not allocated)"
LINK_WORKER = "link worker (not allocated)"
REFERRER = "referrer (not allocated)"
CARER = "shared lives carer"
COMMUNITY = "community organisation member"
COMMISSIONER = "commissioner"
EXPERT = "expert by experience"
ADMIN = "area admin"
FAMILY_CARER = "family carer"
RESPONDER = "emergency responder"
BACKUP = "back-up contact (confirmed)"
APPROVER = "budget approver"
BROKER = "support broker (manages the person's budget)"
ANONYMOUS = "anonymous"
ACTORS = {
    PERSON: Role.PERSON,
    REPRESENTATIVE: Role.REPRESENTATIVE,
    ALLOCATED: Role.SCHEME_WORKER,
    UNALLOCATED: Role.SCHEME_WORKER,
    LINK_WORKER: Role.LINK_WORKER,
    REFERRER: Role.REFERRER,
    CARER: Role.SHARED_LIVES_CARER,
    COMMUNITY: Role.COMMUNITY_ORGANISATION_MEMBER,
    COMMISSIONER: Role.COMMISSIONER,
    EXPERT: Role.EXPERT_BY_EXPERIENCE,
    ADMIN: Role.AREA_ADMIN,
    FAMILY_CARER: Role.FAMILY_CARER,
    RESPONDER: Role.EMERGENCY_RESPONDER,
    BACKUP: Role.BACKUP_CONTACT,
    APPROVER: Role.BUDGET_APPROVER,
    BROKER: Role.BROKER,
    ANONYMOUS: None,
}
SIGNED_IN = [a for a in ACTORS if a != ANONYMOUS]


@dataclass
class World:
    """Two areas; in each, a record that every actor has their natural relationship to."""

    members: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)  # "own" / "other" -> Person
    memberships: dict = field(default_factory=dict)  # "own" / "other" -> a membership to remove
    grants: dict = field(default_factory=dict)  # "own" / "other" -> a grant to revoke
    shared_lives: dict = field(default_factory=dict)  # "own" / "other" -> {marker: id}
    break_glass: dict = field(default_factory=dict)  # "own" / "other" -> an ended access


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """The world is built once for the module's ~2,500 cases, in a transaction left open
    until they have all run and then rolled back; each case runs in a transaction of its own
    on top of it (the `db` fixture), rolled back after it, so no case sees another's changes."""
    with django_db_blocker.unblock(), transaction.atomic():
        area = AreaFactory(name="Calder Vale", slug="calder-vale")
        other_area = AreaFactory(name="Other Vale", slug="other-vale")
        yield build_world(area, other_area)
        transaction.set_rollback(True)


@pytest.fixture
def world(built_world, db) -> World:
    return built_world


def build_world(area, other_area) -> World:
    w = World()
    users = {name: UserFactory() for name, role in ACTORS.items() if role}
    w.members = {
        name: MembershipFactory(user=users[name], area=area, role=ACTORS[name]) for name in users
    }
    for key, where in (("own", area), ("other", other_area)):
        person = PersonFactory(area=where, user=users[PERSON])
        AccessGrantFactory(person=person, grantee=users[REPRESENTATIVE], scope=GrantScope.ACT_FOR)
        allocation = AssignmentFactory(person=person, worker=users[ALLOCATED])
        w.people[key] = person
        w.grants[key] = AccessGrantFactory(person=person, scope=GrantScope.VIEW)
        w.memberships[key] = MembershipFactory(area=where, role=Role.EXPERT_BY_EXPERIENCE)
        w.break_glass[key] = expired_break_glass(person)
        w.shared_lives[key] = (
            shared_lives_world(person, users[CARER], users[ALLOCATED], users[REPRESENTATIVE])
            | wellbeing_world(person, users[PERSON])
            | directory_world(where, users[COMMUNITY])
            | accountability_world(where, users[COMMISSIONER])
        )
        w.shared_lives[key] |= prescribing_world(person, users, w.shared_lives[key])
        w.shared_lives[key] |= family_carers_world(person, users)
        w.shared_lives[key] |= budgets_world(person, users)
        w.shared_lives[key] |= outcomes_world(person, users, w.shared_lives[key])
        w.shared_lives[key]["token"] = _token_of(
            w.members[PERSON] if key == "own" else w.memberships[key]
        )
        w.shared_lives[key]["assignment"] = allocation.pk
        w.shared_lives[key]["notification"] = _notification_for(
            w.members[PERSON] if key == "own" else w.memberships[key]
        )
    return w


def _notification_for(membership) -> int:
    """Something one person was told: only they may open it."""
    from kinfolk.notifications.models import Notification

    return Notification.objects.create(
        area=membership.area, recipient=membership.user, event="notifications.test_message",
        text="A test message", key=f"matrix-{membership.pk}", link="/",
    ).pk  # fmt: skip


def _token_of(membership) -> int:
    from datetime import timedelta

    from kinfolk.accounts.models import ApiToken

    token = ApiToken.objects.create(
        membership=membership,
        name="Spreadsheet",
        token_hash=ApiToken.hash_of(f"kf_matrix_{membership.pk}"),
        expires_at=timezone.now() + timedelta(days=90),
    )
    return token.pk


def expired_break_glass(person):
    """An emergency access that has ended, for the area admin's report (it grants nothing)."""
    from datetime import timedelta

    from kinfolk.people.models import BreakGlassAccess

    started = timezone.now() - timedelta(days=2)
    return BreakGlassAccess.objects.create(
        area=person.area, person=person, user=UserFactory(), role=Role.LINK_WORKER,
        reason="A&E called about medication", started_at=started,
        expires_at=started + timedelta(hours=1),
    )  # fmt: skip


def family_carers_world(person, users) -> dict:
    """A family carer's plan for the person, who agreed; a confirmed back-up contact; a card the
    responder opened; a second carer still waiting for the person's answer; an assessment
    request."""
    from datetime import timedelta

    from kinfolk.family_carers.models import (
        AssessmentRequest,
        BackupContact,
        CardOpening,
        CaredFor,
        EmergencyCard,
        EmergencyPlan,
    )

    area, now = person.area, timezone.now()
    carer = users[FAMILY_CARER]
    cared_for = CaredFor.objects.create(
        area=area, carer=carer, person=person, name="Dad", asked_email="x@example.test",
        agreed_at=now, agreed_by=users[PERSON],
    )  # fmt: skip
    plan = EmergencyPlan.objects.create(area=area, cared_for=cared_for, allergies="Penicillin")
    contact = BackupContact.objects.create(
        area=area, plan=plan, rank=1, name="Aisha", phone="07700 900 101",
        email=users[BACKUP].email, user=users[BACKUP], confirmed_at=now,
    )  # fmt: skip
    card = EmergencyCard.objects.create(area=area, plan=plan, number=f"{person.pk.int:016d}"[-16:])
    opening = CardOpening.objects.create(
        area=area, card=card, user=users[RESPONDER], opened_as="responder", opened_at=now,
        ends_at=now + timedelta(hours=12),
    )  # fmt: skip
    waiting = CaredFor.objects.create(
        area=area, carer=UserFactory(), person=person, name="Dad", asked_email="x@example.test"
    )
    EmergencyPlan.objects.create(area=area, cared_for=waiting)
    asked = AssessmentRequest.objects.create(area=area, carer=carer)
    from kinfolk.family_carers.concerns.models import Concern

    concern = Concern.objects.create(
        area=area, person=person, raised_by=carer, raised_as="family", worry="Falls",
        urgent=True, raised_at=now, respond_by=now + timedelta(hours=24),
    )  # fmt: skip
    from kinfolk.family_carers.equipment.models import EquipmentPart, EquipmentRequest

    wanted = EquipmentRequest.objects.create(
        area=area, person=person, what="A ceiling hoist", requested_by=carer,
        requested_on=now.date(),
    )  # fmt: skip
    part = EquipmentPart.objects.create(
        area=area, request=wanted, name="The bracket", agency="social_services",
        target_on=now.date(),
    )  # fmt: skip
    return {
        "cared_for": cared_for.pk, "contact": contact.pk, "opening": opening.pk,
        "waiting": waiting.pk, "assessment_request": asked.pk, "concern": concern.pk,
        "equipment": wanted.pk, "equipment_part": part.pk,
    }  # fmt: skip


def prescribing_world(person, users, ids) -> dict:
    """A referral taken by the link worker, one in the inbox, and one sent to a group."""
    from kinfolk.social_prescribing.models import CommunityReferral, OrganizationMember, Referral

    area, now = person.area, timezone.now()
    made = dict(
        area=area, person=person, referrer=users[REFERRER], practice="Calder Health Centre",
        consent_recorded=True, consent_given_by="person", reasons=["loneliness"], received_at=now,
    )  # fmt: skip
    taken = Referral.objects.create(**made, link_worker=users[LINK_WORKER], status="contacted")
    waiting = Referral.objects.create(**made)
    OrganizationMember.objects.create(organization_id=ids["organization"], user=users[COMMUNITY])
    sent = CommunityReferral.objects.create(
        area=area, referral=taken, service_id=ids["service"], organization_id=ids["organization"]
    )
    return {"spr": taken.pk, "inbox": waiting.pk, "sent": sent.pk}


def budgets_world(person, users) -> dict:
    """A direct payment managed by the broker, its plan agreed and approved, money in and one
    payment made (to reverse)."""
    from datetime import date, timedelta

    from kinfolk.budgets.models import (
        Account,
        Budget,
        Movement,
        Outcome,
        SupportPlan,
    )

    area, now, today = person.area, timezone.now(), date.today()
    budget = Budget.objects.create(
        area=area, person=person, kind="direct_payment", amount_pence=240_000,
        starts_on=today - timedelta(days=30), ends_on=today + timedelta(days=300),
        held_by="person", holder_name="Sam", manager=users[BROKER], created_by=users[APPROVER],
    )  # fmt: skip
    plan = SupportPlan.objects.create(
        area=area, budget=budget, agreed_at=now, agreed_by=users[PERSON], agreed_as="person",
        approved_at=now, approved_by=users[APPROVER],
    )  # fmt: skip
    Outcome.objects.create(
        area=area, plan=plan, wellbeing_area="participation", in_my_words="My allotment",
        support="A gardener", cost_pence=60_000,
    )  # fmt: skip
    account = Account.objects.create(area=area, kind="budget", name="Budget", budget=budget)
    council = Account.objects.create(area=area, kind="council", name="The council")
    provider = Account.objects.create(area=area, kind="provider", name="Green Fingers")
    Movement.objects.create(
        area=area, budget=budget, kind="money_in", from_account=council, to_account=account,
        amount_pence=100_000, happened_on=today,
    )  # fmt: skip
    paid = Movement.objects.create(
        area=area, budget=budget, kind="payment", from_account=account, to_account=provider,
        amount_pence=6_000, happened_on=today,
    )  # fmt: skip
    return {"budget": budget.pk, "movement": paid.pk}


def directory_world(area, member) -> dict:
    """A published service (with its organisation, place and category) listed by a member."""
    from kinfolk.directory.models import Organization
    from kinfolk.directory.tests.factories import service, term

    category = term()
    listed = service(area, "Walking group", category=category)
    Organization.objects.filter(pk=listed.organization_id).update(submitted_by=member)
    return {
        "service": listed.pk,
        "sal": listed.at_locations.get().pk,
        "taxonomy": category.taxonomy_id,
        "term": category.pk,
        "organization": listed.organization_id,
    }


def accountability_world(area, commissioner) -> dict:
    """A published commitment of the area's."""
    from kinfolk.accountability.models import Commitment

    made = Commitment.objects.create(
        area=area, reference="C1", title="A promise", by_when=timezone.localdate(),
        outcome="relationships", created_by=commissioner, published_at=timezone.now(),
    )  # fmt: skip
    return {"commitment": made.pk}


def outcomes_world(person, users, ids) -> dict:
    """An outcome contract paying the member's organisation, and a question for the person."""
    from datetime import date

    from kinfolk.accountability.outcomes.models import OutcomeClaim, OutcomesContract, RateLine

    contract = OutcomesContract.objects.create(
        area=person.area, title="Less lonely", organization_id=ids["organization"],
        service="Walking group", starts_on=date(2026, 1, 1), ends_on=date(2027, 1, 1),
        cap_per_person_pence=1000, cap_pence=5000, created_by=users[COMMISSIONER],
    )  # fmt: skip
    line = RateLine.objects.create(
        area=person.area, contract=contract, outcome="less_lonely", price_pence=500
    )
    from kinfolk.wellbeing.models import Episode

    spell = Episode.objects.create(
        area=person.area, person=person, kind="service", service="Walking group",
        started_on=date(2026, 2, 1),
    )  # fmt: skip
    claim = OutcomeClaim.objects.create(
        area=person.area, contract=contract, line=line, person=person, before=8, after=5,
        shown_on=date(2026, 6, 1),
    )  # fmt: skip
    return {"outcome_contract": contract.pk, "outcome_claim": claim.pk, "episode": spell.pk}


def wellbeing_world(person, user) -> dict:
    """A measure response and someone in the person's circle."""
    from kinfolk.wellbeing.models import CircleMember, CircleSnapshot, MeasureResponse
    from kinfolk.wellbeing.scoring import score

    area = person.area
    response = MeasureResponse.objects.create(
        area=area, person=person, measure="ons4", answers=ONS4, score=score("ons4", ONS4),
        recorded_with="self",
        recorded_by=user, completed_at=timezone.now(),
    )  # fmt: skip
    snapshot = CircleSnapshot.objects.create(
        area=area, person=person, taken_on=timezone.now().date(), recorded_by=user
    )
    member = CircleMember.objects.create(
        area=area, snapshot=snapshot, key="ama", name="Ama", who="family", ring=1,
        contact="weekly",
    )  # fmt: skip
    return {"response": response.pk, "key": member.key, "measure": "ons4"}


ONS4 = {"life_satisfaction": 6, "worthwhile": 7, "happiness": 5, "anxiety": 4}


def shared_lives_world(person, carer_user, worker, representative) -> dict:
    """A referral, the carer's household, an introduction under way and an arrangement."""
    from datetime import date, timedelta

    from kinfolk.sharedlives.arrangements.services import review_schedule
    from kinfolk.sharedlives.models import (
        Arrangement,
        CarerCheck,
        HouseholdPhoto,
        Introduction,
        Meeting,
        NotForMe,
        ProfileChange,
        Stage,
    )
    from kinfolk.sharedlives.tests.factories import CarerFactory, ReferralFactory, trained

    area, today, now = person.area, date.today(), timezone.now()
    referral = ReferralFactory(person=person, created_by=worker)
    carer = trained(CarerFactory(area=area, user=carer_user))
    check = CarerCheck.objects.create(area=area, carer=carer, kind="annual_review", due_on=today)
    both_said_yes = dict(
        area=area,
        referral=referral,
        person=person,
        carer=carer,
        arrangement_type="long_term",
        first_interest_from="person",
        person_yes_at=now,
        carer_yes_at=now,
    )
    introduction = Introduction.objects.create(**both_said_yes, stage=Stage.INTRODUCTION)
    arranged = Introduction.objects.create(
        **both_said_yes, stage=Stage.ARRANGED, person_agreed_at=now, carer_agreed_at=now
    )
    arrangement = Arrangement.objects.create(
        area=area,
        introduction=arranged,
        person=person,
        carer=carer,
        arrangement_type="long_term",
        starts_on=today,
        person_agreed_at=now,
        carer_agreed_at=now,
        agreement_signed_by_person_on=today,
        agreement_signed_by_carer_on=today,
        licence_signed_by_person_on=today,
        licence_signed_by_carer_on=today,
        created_by=worker,
    )
    review = review_schedule(arrangement)[0]
    review.save()
    change = ProfileChange.objects.create(
        area=area, carer=carer, changes={"pets": "A dog"}, asked_by=carer_user
    )
    photo = HouseholdPhoto.objects.create(
        area=area, carer=carer, image=b"not shown", width=1, height=1, caption="Our garden",
        everyone_agreed=True, added_by=carer_user,
    )  # fmt: skip
    not_for_me = NotForMe.objects.create(
        area=area, person=person, carer=carer, side="person", said_at=now, said_by=person.user
    )
    meeting = Meeting.objects.create(
        area=area, introduction=introduction, stage=Stage.INTRODUCTION, place="The library",
        starts_at=now + timedelta(days=7), ends_at=now + timedelta(days=7, hours=2),
        proposed_by=worker, proposed_by_side="scheme",
    )  # fmt: skip
    return {
        "change": change.pk,
        "photo": photo.pk,
        "not_for_me": not_for_me.pk,
        "meeting": meeting.pk,
        "referral": referral.pk,
        "carer": carer.pk,
        "introduction": introduction.pk,
        "arrangement": arrangement.pk,
        "review": review.pk,
        "check": check.pk,
    }


def _everyone(outcome):
    return {**{a: outcome for a in SIGNED_IN}, ANONYMOUS: LOGIN}


def _only(*allowed, anonymous=LOGIN):
    return {**{a: ALLOW if a in allowed else DENY for a in SIGNED_IN}, ANONYMOUS: anonymous}


VIEWERS = (PERSON, REPRESENTATIVE, ALLOCATED)
EDITORS = (PERSON, REPRESENTATIVE, ALLOCATED)
SHARERS = (PERSON, REPRESENTATIVE)
BREAKERS = (UNALLOCATED, LINK_WORKER, REFERRER)
ADDERS = (ALLOCATED, UNALLOCATED, LINK_WORKER)
PUBLIC = {a: ALLOW for a in ACTORS}

P, G, M, AL = "{person}", "{grant}", "{membership}", "{assignment}"
R, C, N, A = "{referral}", "{carer}", "{introduction}", "{arrangement}"
V, K, MT = "{review}", "{check}", "{meeting}"
CH, PH = "{change}", "{photo}"
SCHEME_WORKERS = (ALLOCATED, UNALLOCATED)
# Who sees a household's photos: its carer, the scheme, and people introduced to it.
PHOTO_VIEWERS = (PERSON, REPRESENTATIVE, *SCHEME_WORKERS, CARER)
# Published figures (under the disclosure rule) for the people who hold services to account.
REPORT_READERS = (*SCHEME_WORKERS, LINK_WORKER, COMMISSIONER, EXPERT)
DECIDERS = (PERSON, REPRESENTATIVE)  # the person, or someone they chose to act for them
SIDES = (PERSON, REPRESENTATIVE, CARER)
PARTIES = (PERSON, REPRESENTATIVE, ALLOCATED, CARER)
TODAY = "2026-01-05"
SL = "/shared-lives"
MEETING = {"day": "2099-03-01", "starts": "2pm", "ends": "3pm", "place": "The park"}
API_SL = "/api/v1/shared-lives"
W, MEASURE, KEY = "{response}", "{measure}", "{key}"
SVC, SAL, TAX, TERM, ORG = "{service}", "{sal}", "{taxonomy}", "{term}", "{organization}"
SPR, INBOX, SENT = "{spr}", "{inbox}", "{sent}"
SP = "/social-prescribing"
SP_ACTIONS = {
    "conversations": {"held_on": TODAY, "notes": "Talked"},
    "goals": {"in_their_words": "Walk more"},
    "community": {"service": SVC},
    "outcome": {"stage": "baseline"},
    "close": {"summary": "Done"},
    "decline": {"reason": ""},
}
ENDINGS = ("close", "decline")  # each asks first, on a page that says what will happen
PRESCRIBING_ENTRIES = [
    ("GET", f"{SP}/inbox/{INBOX}/take/", None, _only(LINK_WORKER)),
    ("POST", f"{SP}/inbox/{INBOX}/take/", None, _only(LINK_WORKER)),
    ("GET", f"{SP}/referrals/{SPR}/", None, _only(LINK_WORKER, REFERRER, PERSON)),
    *[
        ("POST", f"{SP}/referrals/{SPR}/{action}/", body, _only(LINK_WORKER))
        for action, body in SP_ACTIONS.items()
    ],
    *[("GET", f"{SP}/referrals/{SPR}/{action}/", None, _only(LINK_WORKER)) for action in ENDINGS],
    ("POST", f"{SP}/community/{SENT}/decide/", {"accept": "yes"}, _only(COMMUNITY)),
    ("POST", f"{SP}/community/{SENT}/started/", None, _only(COMMUNITY, LINK_WORKER)),
    (
        "GET",
        f"/api/v1/social-prescribing/referrals/{SPR}/fhir",
        None,
        _only(LINK_WORKER, REFERRER, PERSON),
    ),
]
CMT = "{commitment}"
ACCOUNTABILITY_ENTRIES = [
    ("GET", f"/accountability/commitments/{CMT}/progress/", None, _only(COMMISSIONER)),
    ("POST", f"/accountability/commitments/{CMT}/publish/", None, _only(COMMISSIONER)),
    ("GET", "/accountability/outcomes/{outcome_contract}/", None, _only(COMMISSIONER, COMMUNITY)),
    (
        "GET",
        "/accountability/outcomes/claims/{outcome_claim}/",
        None,
        _only(PERSON, REPRESENTATIVE),
    ),
    ("GET", "/accountability/scores/{episode}/", None, _only(PERSON)),
    ("POST", "/accountability/scores/{episode}/", {"people": 4}, _only(PERSON)),
    (
        "POST",
        "/accountability/outcomes/claims/{outcome_claim}/",
        {"answer": "no"},
        _only(PERSON, REPRESENTATIVE),
    ),
]
PUBLIC_COMMITMENTS = [
    "/accountability/calder-vale/commitments/",
    f"/accountability/calder-vale/commitments/{CMT}/",
    "/accountability/calder-vale/commitments.json",
]
DIRECTORY_ENTRIES = [
    ("GET", f"/directory/shortlists/{P}/", None, _only(*VIEWERS)),
    ("POST", f"/directory/listings/{ORG}/decide/", {"approve": "yes"}, _only(ADMIN)),
    ("POST", f"/directory/listings/{ORG}/confirm/", None, _only(ADMIN, COMMUNITY)),
]
OPEN_REFERRAL = [
    "/openreferral/",
    "/openreferral/openapi.json",
    "/openreferral/services",
    f"/openreferral/services/{SVC}",
    "/openreferral/service_at_locations",
    f"/openreferral/service_at_locations/{SAL}",
    "/openreferral/taxonomies",
    f"/openreferral/taxonomies/{TAX}",
    "/openreferral/taxonomy_terms",
    f"/openreferral/taxonomy_terms/{TERM}",
    "/openreferral/organizations",
    f"/openreferral/organizations/{ORG}",
]
BG, API_BG, B, MV = "/budgets", "/api/v1/budgets", "{budget}", "{movement}"
BUDGET_VIEWERS = (PERSON, REPRESENTATIVE, ALLOCATED, BROKER, APPROVER)
PLAN_WRITERS = (PERSON, REPRESENTATIVE, ALLOCATED, BROKER)
PAID_ON = {"happened_on": TODAY}
BUDGET_ENTRIES = [
    ("GET", f"{BG}/{B}/", None, _only(*BUDGET_VIEWERS)),
    ("GET", f"{BG}/{B}/statement.csv", None, _only(*BUDGET_VIEWERS)),
    ("GET", f"{BG}/{B}/plan/outcomes/", None, _only(*PLAN_WRITERS)),
    (
        "POST",
        f"{BG}/{B}/plan/outcomes/",
        {"wellbeing_area": "home", "in_my_words": "Stay", "support": "Help", "cost": "10"},
        _only(*PLAN_WRITERS),
    ),
    ("GET", f"{BG}/{B}/plan/words/", None, _only(*PLAN_WRITERS)),
    ("POST", f"{BG}/{B}/plan/words/", {"in_my_words": "Out more"}, _only(*PLAN_WRITERS)),
    ("GET", f"{BG}/{B}/review/", None, _only(APPROVER)),
    ("POST", f"{BG}/{B}/review/", {"reviewed_on": TODAY}, _only(APPROVER)),
    ("GET", f"{BG}/new/{P}/", None, _only(APPROVER)),
    ("POST", f"{BG}/new/{P}/", {"amount": "5"}, _only(APPROVER)),
    ("GET", f"{BG}/{B}/plan/agree/", None, _only(*DECIDERS)),
    ("POST", f"{BG}/{B}/plan/agree/", {"how_shown": "Nodded"}, _only(*DECIDERS)),
    ("GET", f"{BG}/{B}/plan/approve/", None, _only(APPROVER)),
    ("POST", f"{BG}/{B}/plan/approve/", None, _only(APPROVER)),
    ("GET", f"{BG}/{B}/payments/", None, _only(BROKER)),
    ("POST", f"{BG}/{B}/payments/", {"payee": "Tea", "amount": "5"}, _only(BROKER)),
    ("GET", f"{BG}/{B}/money-in/", None, _only(APPROVER)),
    ("POST", f"{BG}/{B}/money-in/", {"amount": "5"}, _only(APPROVER)),
    ("GET", f"{BG}/{B}/movements/{MV}/reverse/", None, _only(BROKER)),
    ("POST", f"{BG}/{B}/movements/{MV}/reverse/", {"reason": "Wrong"}, _only(BROKER)),
    ("GET", f"{API_BG}/{B}", None, _only(*BUDGET_VIEWERS)),
    ("GET", f"{API_BG}/{B}/statements", None, _only(*BUDGET_VIEWERS)),
    ("GET", f"{API_BG}/{B}/movements", None, _only(*BUDGET_VIEWERS)),
    (
        "POST",
        f"{API_BG}/{B}/payments",
        {"amount_pence": 500, "payee": "Tea", **PAID_ON},
        _only(BROKER),
    ),
    ("POST", f"{API_BG}/{B}/movements/{MV}/reversal", {"reason": "Wrong"}, _only(BROKER)),
]
WB = "/wellbeing"
WELLBEING_RECORDERS = (PERSON, REPRESENTATIVE, ALLOCATED)
CIRCLE_MEMBER = {"name": "Kaz", "who": "friend", "ring": "2", "contact": "weekly"}
WELLBEING_ENTRIES = [
    ("GET", f"{WB}/people/{P}/", None, _only(*VIEWERS)),
    ("GET", f"{WB}/people/{P}/easy-read/", None, _only(*VIEWERS)),
    ("GET", f"{WB}/people/{P}/measures/{MEASURE}/", None, _only(*WELLBEING_RECORDERS)),
    (
        "POST",
        f"{WB}/people/{P}/measures/{MEASURE}/",
        {**ONS4, "recorded_with": "self"},
        _only(*WELLBEING_RECORDERS),
    ),
    ("GET", f"{WB}/people/{P}/check-in/", None, _only(*WELLBEING_RECORDERS)),
    (
        "POST",
        f"{WB}/people/{P}/check-in/",
        {"recorded_with": "self", "home_going": "well"},
        _only(*WELLBEING_RECORDERS),
    ),
    ("GET", f"{WB}/people/{P}/circle/", None, _only(*WELLBEING_RECORDERS)),
    ("POST", f"{WB}/people/{P}/circle/", CIRCLE_MEMBER, _only(*WELLBEING_RECORDERS)),
    ("GET", f"{WB}/people/{P}/circle/{KEY}/remove/", None, _only(*WELLBEING_RECORDERS)),
    ("POST", f"{WB}/people/{P}/circle/{KEY}/remove/", None, _only(*WELLBEING_RECORDERS)),
    ("GET", f"{WB}/people/{P}/sharing/", None, _only(*SHARERS)),
    (
        "POST",
        f"{WB}/people/{P}/episodes/",
        {"service": "Riverside Day Centre", "kind": "service", "started_on": TODAY},
        _only(*WELLBEING_RECORDERS),
    ),
    ("POST", f"{WB}/people/{P}/sharing/", {"workers": "on"}, _only(*SHARERS)),
    ("GET", f"/api/v1/wellbeing/people/{P}/responses", None, _only(*VIEWERS)),
    (
        "POST",
        f"/api/v1/wellbeing/people/{P}/responses",
        {"measure": "ons4", "answers": ONS4},
        _only(*WELLBEING_RECORDERS),
    ),
    ("GET", f"/api/v1/wellbeing/responses/{W}/fhir", None, _only(*VIEWERS)),
]
SHARED_LIVES_ENTRIES = [
    ("GET", f"{SL}/people/{P}/refer/", None, _only(ALLOCATED)),
    (
        "POST",
        f"{SL}/people/{P}/refer/",
        {"source": "worker", "received_on": TODAY, "has_own_home": "no"},
        _only(ALLOCATED),
    ),
    ("GET", f"{SL}/people/{P}/matches/", None, _only(*DECIDERS, ALLOCATED)),
    ("GET", f"{SL}/referrals/{R}/", None, _only(ALLOCATED)),
    ("POST", f"{SL}/referrals/{R}/home-first/", {"words": "I want to try it"}, _only(ALLOCATED)),
    ("GET", f"{SL}/referrals/{R}/assessment/", None, _only(ALLOCATED)),
    ("POST", f"{SL}/referrals/{R}/assessment/", {"postcode": "HX1 1AA"}, _only(ALLOCATED)),
    ("GET", f"{SL}/referrals/{R}/easy-read/", None, _only(*VIEWERS)),
    # The worker records a side's yes for them (with how they showed it, ADR 0027).
    ("POST", f"{SL}/referrals/{R}/interest/", {"carer": C}, _only(*SIDES, ALLOCATED)),
    ("POST", f"{SL}/referrals/{R}/not-for-me/", {"carer": C}, _only(*SIDES, ALLOCATED)),
    ("POST", f"{SL}/not-for-me/{{not_for_me}}/show-again/", None, _only(*DECIDERS)),
    ("GET", f"{SL}/people/{P}/matches/easy-read/", None, _only(*DECIDERS)),
    ("GET", f"{SL}/introductions/{N}/easy-read/", None, _only(*PARTIES)),
    ("GET", f"{SL}/arrangements/{A}/easy-read/", None, _only(*PARTIES)),
    ("GET", f"{SL}/introductions/{N}/", None, _only(*PARTIES)),
    (
        "POST",
        f"{SL}/introductions/{N}/view/",
        {"side": "person", "carry_on": "yes"},
        _only(PERSON, REPRESENTATIVE, ALLOCATED),
    ),
    ("GET", f"{SL}/introductions/{N}/decline/", None, _only(*SIDES, ALLOCATED)),
    ("POST", f"{SL}/introductions/{N}/decline/", {}, _only(*SIDES, ALLOCATED)),
    ("POST", f"{SL}/introductions/{N}/agree/", None, _only(*SIDES)),
    ("GET", f"{SL}/introductions/{N}/arrangement/", None, _only(ALLOCATED)),
    ("POST", f"{SL}/introductions/{N}/arrangement/", {"starts_on": TODAY}, _only(ALLOCATED)),
    ("GET", f"{SL}/introductions/{N}/meetings/new/", None, _only(*PARTIES)),
    ("POST", f"{SL}/introductions/{N}/meetings/new/", MEETING, _only(*PARTIES)),
    ("POST", f"{SL}/meetings/{MT}/suits/", None, _only(*SIDES)),
    ("GET", f"{SL}/meetings/{MT}/move/", None, _only(*PARTIES)),
    ("POST", f"{SL}/meetings/{MT}/move/", MEETING, _only(*PARTIES)),
    ("GET", f"{SL}/meetings/{MT}/cancel/", None, _only(*PARTIES)),
    ("POST", f"{SL}/meetings/{MT}/cancel/", {"reason": "Ill"}, _only(*PARTIES)),
    ("POST", f"{SL}/meetings/{MT}/happened/", None, _only(*PARTIES)),
    ("GET", f"{SL}/meetings/{MT}/calendar.ics", None, _only(*PARTIES)),
    ("GET", f"{API_SL}/introductions/{N}/meetings", None, _only(*PARTIES)),
    ("GET", f"{SL}/arrangements/{A}/", None, _only(*PARTIES)),
    ("GET", f"{SL}/arrangements/{A}/reviews/{V}/", None, _only(ALLOCATED)),
    (
        "POST",
        f"{SL}/arrangements/{A}/reviews/{V}/",
        {"done_on": TODAY, "person_view": "Happy", "carer_view": "Going well"},
        _only(ALLOCATED),
    ),
    ("POST", f"{SL}/arrangements/{A}/ask-for-review/", {}, _only(*SIDES)),
    ("GET", f"{SL}/arrangements/{A}/end/", None, _only(*PARTIES)),
    ("POST", f"{SL}/arrangements/{A}/end/", {"reason": "Moving"}, _only(*PARTIES)),
    ("GET", f"{SL}/carers/{C}/", None, _only(*SCHEME_WORKERS, CARER)),
    ("POST", f"{SL}/carers/{C}/steps/", {"step": "gp_reference"}, _only(*SCHEME_WORKERS)),
    ("POST", f"{SL}/carers/{C}/panel/", {"decision": "deferred"}, _only(*SCHEME_WORKERS)),
    ("POST", f"{SL}/carers/{C}/training/", {"course": "first_aid"}, _only(*SCHEME_WORKERS)),
    ("POST", f"{SL}/carers/{C}/panel-date/", {"panel_on": TODAY}, _only(*SCHEME_WORKERS)),
    ("GET", f"{SL}/carers/{C}/leave/", None, _only(*SCHEME_WORKERS, CARER)),
    ("POST", f"{SL}/carers/{C}/leave/", {"in_their_words": "x"}, _only(*SCHEME_WORKERS, CARER)),
    ("POST", f"{SL}/carers/{C}/checks/{K}/", {"done_on": TODAY}, _only(*SCHEME_WORKERS)),
    (
        "POST",
        f"{SL}/carers/{C}/invite/",
        {"name": "Bernadette Hughes", "email": "bernadette@example.test"},
        _only(*SCHEME_WORKERS),
    ),
    ("POST", f"{SL}/carers/{C}/changes/{CH}/accept/", None, _only(*SCHEME_WORKERS)),
    (
        "POST",
        f"{SL}/carers/{C}/changes/{CH}/return/",
        {"reason": "Tell us the dog's name"},
        _only(*SCHEME_WORKERS),
    ),
    ("GET", f"{SL}/carers/{C}/photos/", None, _only(*PHOTO_VIEWERS)),
    ("POST", f"{SL}/carers/{C}/photos/", {"caption": "Our garden"}, _only(CARER)),
    ("GET", f"{SL}/carers/{C}/photos/{PH}/", None, _only(*PHOTO_VIEWERS)),
    ("POST", f"{SL}/carers/{C}/photos/{PH}/remove/", None, _only(CARER)),
    ("GET", f"{API_SL}/referrals/{R}", None, _only(*VIEWERS)),
    ("GET", f"{API_SL}/referrals/{R}/suggestions", None, _only(ALLOCATED, *DECIDERS)),
    ("POST", f"{API_SL}/referrals/{R}/interest", {"carer_id": C}, _only(*SIDES, ALLOCATED)),
    ("GET", f"{API_SL}/carers/{C}", None, _only(*SCHEME_WORKERS, CARER)),
    ("GET", f"{API_SL}/carers/{C}/profile", None, _only(*SCHEME_WORKERS, CARER)),
    ("PATCH", f"{API_SL}/carers/{C}/profile", {"interests": ["darts"]}, _only(CARER)),
    ("GET", f"{API_SL}/introductions/{N}", None, _only(*PARTIES)),
    (
        "POST",
        f"{API_SL}/introductions/{N}/views",
        {"side": "carer", "carry_on": True},
        _only(ALLOCATED, CARER),
    ),
    ("POST", f"{API_SL}/introductions/{N}/decline", {"reason": ""}, _only(*SIDES, ALLOCATED)),
    ("POST", f"{API_SL}/introductions/{N}/agree", None, _only(*SIDES)),
    (
        "POST",
        f"{API_SL}/introductions/{N}/arrangement",
        {"starts_on": TODAY},
        _only(ALLOCATED),
    ),
    ("GET", f"{API_SL}/arrangements/{A}", None, _only(*PARTIES)),
]
FC, CF, CT, OP = "/family-carers", "{cared_for}", "{contact}", "{opening}"
WAITING, AR = "{waiting}", "{assessment_request}"
PLAN_READERS = (FAMILY_CARER, PERSON, REPRESENTATIVE)  # the person agreed; the rep acts for them
CARERS_WORKERS = (ALLOCATED, UNALLOCATED, LINK_WORKER, ADMIN)
EQUIPMENT_ASKERS = (PERSON, REPRESENTATIVE, FAMILY_CARER, ALLOCATED)
FAMILY_CARER_ENTRIES = [
    ("GET", f"{FC}/equipment/new/{P}/", None, _only(*EQUIPMENT_ASKERS)),
    ("POST", f"{FC}/equipment/new/{P}/", {"what": "Hoist"}, _only(*EQUIPMENT_ASKERS)),
    ("GET", f"{FC}/equipment/{{equipment}}/", None, _only(*EQUIPMENT_ASKERS, ADMIN)),
    ("GET", f"{FC}/equipment/parts/{{equipment_part}}/", None, _only(ALLOCATED, ADMIN)),
    (
        "POST",
        f"{FC}/equipment/parts/{{equipment_part}}/",
        {"status": "ordered"},
        _only(ALLOCATED, ADMIN),
    ),
    ("GET", f"{FC}/concerns/new/{P}/", None, _only(PERSON, REPRESENTATIVE, FAMILY_CARER)),
    (
        "POST",
        f"{FC}/concerns/new/{P}/",
        {"worry": "Not eating", "urgent": "no"},
        _only(PERSON, REPRESENTATIVE, FAMILY_CARER),
    ),
    ("GET", f"{FC}/concerns/{{concern}}/", None, _only(FAMILY_CARER, ALLOCATED, ADMIN)),
    ("POST", f"{FC}/concerns/{{concern}}/", {"answer": "Seen today"}, _only(ALLOCATED, ADMIN)),
    ("GET", f"{FC}/plans/{CF}/", None, _only(*PLAN_READERS)),
    ("GET", f"{FC}/plans/{CF}/print/", None, _only(*PLAN_READERS)),
    ("GET", f"{FC}/plans/{CF}/edit/", None, _only(FAMILY_CARER)),
    ("POST", f"{FC}/plans/{CF}/edit/", {"allergies": "None known"}, _only(FAMILY_CARER)),
    (
        "POST",
        f"{FC}/plans/{CF}/contacts/",
        {"name": "Kaz", "phone": "07700 900 102", "email": "kaz@example.test"},
        _only(FAMILY_CARER),
    ),
    ("POST", f"{FC}/plans/{CF}/card/", None, _only(FAMILY_CARER)),
    ("POST", f"{FC}/plans/{CF}/card/cancel/", None, _only(FAMILY_CARER)),
    ("GET", f"{FC}/plans/{CF}/card.pdf", None, _only(FAMILY_CARER)),
    ("GET", f"{FC}/contacts/{CT}/remove/", None, _only(FAMILY_CARER)),
    ("POST", f"{FC}/contacts/{CT}/remove/", None, _only(FAMILY_CARER)),
    ("POST", f"{FC}/contacts/{CT}/up/", None, _only(FAMILY_CARER)),
    ("GET", f"{FC}/answers/{WAITING}/", None, _only(PERSON, REPRESENTATIVE)),
    ("POST", f"{FC}/answers/{WAITING}/", {"answer": "yes"}, _only(PERSON, REPRESENTATIVE)),
    # A plan opened with the card: only by the one who opened it, while their time lasts.
    ("GET", f"{FC}/opened/{OP}/", None, _only(RESPONDER)),
    ("POST", f"{FC}/opened/{OP}/calls/", {"contact": CT, "answer": "coming"}, _only(RESPONDER)),
    ("POST", f"{FC}/assessment-requests/{AR}/", {"status": "seen"}, _only(*CARERS_WORKERS)),
]
# (method, path template, body, {actor: outcome for a target in their own area}).
# For a target in another area every signed-in actor is denied.
PERSON_ENTRIES = [
    ("GET", f"/people/{P}/", None, _only(*VIEWERS)),
    ("GET", f"/people/{P}/edit/", None, _only(*EDITORS)),
    ("POST", f"/people/{P}/edit/", {"given_name": "Sam", "family_name": "Okafor"}, _only(*EDITORS)),
    ("GET", f"/people/{P}/sharing/", None, _only(*SHARERS)),
    ("GET", f"/people/{P}/sharing/easy-read/", None, _only(*SHARERS)),
    (
        "POST",
        f"/people/{P}/sharing/",
        {"email": "x@example.test", "relationship": "family", "scope": "view"},
        _only(*SHARERS),
    ),
    ("GET", f"/people/{P}/sharing/{G}/revoke/", None, _only(*SHARERS)),
    ("POST", f"/people/{P}/sharing/{G}/revoke/", None, _only(*SHARERS)),
    ("GET", f"/people/{P}/activity/", None, _only(*SHARERS)),
    ("GET", f"/people/{P}/emergency-access/", None, _only(*BREAKERS)),
    (
        "POST",
        f"/people/{P}/emergency-access/",
        {"reason": "Called by A&E about medication"},
        _only(*BREAKERS),
    ),
    ("GET", f"/api/v1/people/{P}", None, _only(*VIEWERS)),
    ("PATCH", f"/api/v1/people/{P}", {"what_matters_to_me": "My allotment"}, _only(*EDITORS)),
    ("GET", f"/api/v1/people/{P}/grants", None, _only(*SHARERS)),
    (
        "POST",
        f"/api/v1/people/{P}/grants",
        {"grantee_email": "x@example.test", "relationship": "family", "scope": "view"},
        _only(*SHARERS),
    ),
    ("DELETE", f"/api/v1/people/{P}/grants/{G}", None, _only(*SHARERS)),
    (
        "POST",
        f"/api/v1/people/{P}/emergency-access",
        {"reason": "Called by A&E about medication"},
        _only(*BREAKERS),
    ),
    ("POST", f"/accounts/memberships/{M}/remove/", None, _only(ADMIN)),
    ("GET", f"/accounts/memberships/{M}/remove/", None, _only(ADMIN)),
    ("GET", f"/accounts/memberships/{M}/reset-two-step/", None, _only(ADMIN)),
    ("POST", f"/accounts/memberships/{M}/reset-two-step/", None, _only(ADMIN)),
    # A token can be stopped only by the person who made it.
    ("POST", "/accounts/security/tokens/{token}/revoke/", None, _only(PERSON)),
    ("DELETE", "/api/v1/tokens/{token}", None, _only(PERSON)),
    ("GET", f"/people/allocations/{AL}/end/", None, _only(ADMIN)),
    ("POST", f"/people/allocations/{AL}/end/", None, _only(ADMIN)),
    ("DELETE", f"/api/v1/people/{P}/allocations/{AL}", None, _only(ADMIN)),
    # A notification is opened (and marked read) only by the person it was for.
    ("POST", "/notifications/{notification}/open/", None, _only(PERSON)),
]
AREA_ENTRIES = [
    # Signed in: your home page; signed out: what Kinfolk is, and the way to the directory.
    ("GET", "/", None, PUBLIC),
    ("GET", "/budgets/waiting/", None, _only(APPROVER)),
    ("GET", "/budgets/new/", None, _only(APPROVER)),
    ("GET", "/family-carers/concerns/", None, _everyone(ALLOW)),
    ("GET", "/family-carers/concerns/figures/", None, _only(COMMISSIONER, ADMIN)),
    ("GET", "/family-carers/equipment/figures/", None, _only(COMMISSIONER, ADMIN)),
    ("GET", "/accountability/outcomes/", None, _only(COMMISSIONER, COMMUNITY)),
    ("GET", "/accountability/scores/", None, _only(PERSON)),
    ("GET", "/accountability/scores/words/", None, _only(COMMISSIONER)),
    ("GET", "/accountability/calder-vale/scores/", None, PUBLIC),
    ("GET", "/accountability/calder-vale/", None, PUBLIC),
    ("GET", "/accountability/outcomes/new/", None, _only(COMMISSIONER)),
    ("POST", "/accountability/outcomes/new/", {"title": "x"}, _only(COMMISSIONER)),
    # Only the budgets you manage are listed (none, for most).
    ("GET", "/budgets/managed/", None, _everyone(ALLOW)),
    # Everyone's own notifications and choices; the area admin's outbox and scheduled jobs.
    ("GET", "/notifications/", None, _everyone(ALLOW)),
    ("POST", "/notifications/read-all/", None, _everyone(ALLOW)),
    ("GET", "/notifications/choices/", None, _everyone(ALLOW)),
    ("POST", "/notifications/choices/", {"by_email": "on"}, _everyone(ALLOW)),
    ("POST", "/notifications/test-message/", None, _everyone(ALLOW)),
    ("GET", "/notifications/outbox/", None, _only(ADMIN)),
    ("GET", "/notifications/scheduled-jobs/", None, _only(ADMIN)),
    *[
        ("GET", f"/{page}/", None, PUBLIC)
        for page in ("accessibility", "privacy", "cookies", "contact")
    ],
    ("GET", "/accounts/login/", None, PUBLIC),
    ("POST", "/accounts/login/", {"email": "nobody@example.test", "password": "x"}, PUBLIC),
    ("GET", "/accounts/mfa/", None, _everyone(ALLOW)),
    ("GET", "/accounts/mfa/setup/", None, _everyone(ALLOW)),
    ("GET", "/accounts/mfa/recovery-codes/", None, _everyone(ALLOW)),
    ("GET", "/accounts/mfa/recovery-codes/new/", None, _everyone(ALLOW)),
    ("POST", "/accounts/mfa/recovery-codes/new/", {"code": "123456"}, _everyone(ALLOW)),
    ("GET", "/accounts/password/", None, _everyone(ALLOW)),
    ("POST", "/accounts/password/", {"current_password": "x"}, _everyone(ALLOW)),
    ("GET", "/accounts/password-reset/", None, PUBLIC),
    ("POST", "/accounts/password-reset/", {"email": "nobody@example.test"}, PUBLIC),
    ("GET", "/accounts/password-reset/MQ/not-a-token/", None, PUBLIC),
    ("POST", "/accounts/password-reset/MQ/not-a-token/", {"new_password": "x"}, PUBLIC),
    # Signing out always ends at the sign-in page.
    ("POST", "/accounts/logout/", None, {a: LOGIN for a in ACTORS}),
    ("GET", "/accounts/acting-as/", None, _everyone(ALLOW)),
    ("GET", "/accounts/security/", None, _everyone(ALLOW)),
    ("POST", "/accounts/security/", {"name": "Spreadsheet"}, _everyone(ALLOW)),
    ("GET", "/accounts/memberships/", None, _only(ADMIN)),
    ("POST", "/accounts/memberships/", {"email": "x@example.test", "role": "person"}, _only(ADMIN)),
    ("GET", "/people/new/", None, _only(*ADDERS)),
    ("POST", "/people/new/", {"given_name": "Ada", "family_name": "Lovelace"}, _only(*ADDERS)),
    ("GET", "/people/allocate/", None, _only(ADMIN)),
    ("GET", "/people/emergency-access/", None, _only(ADMIN)),
    ("GET", "/api/v1/me", None, _everyone(ALLOW)),
    ("GET", "/api/v1/tokens", None, _everyone(ALLOW)),
    ("GET", "/api/v1/people", None, _everyone(ALLOW)),
    ("POST", "/api/v1/people", {"given_name": "Ada", "family_name": "Lovelace"}, _only(*ADDERS)),
    ("GET", f"{SL}/", None, _only(*SCHEME_WORKERS)),
    ("GET", f"{SL}/introduction-requests/", None, _only(CARER)),
    ("GET", f"{SL}/my-household/", None, _only(CARER)),
    ("GET", f"{SL}/my-household/profile/", None, _only(CARER)),
    ("POST", f"{SL}/my-household/profile/", {"pets": "A dog"}, _only(CARER)),
    ("GET", f"{SL}/my-household/statement/", None, _only(CARER)),
    # Anyone may apply to be a carer; the scheme sees the enquiry.
    ("GET", f"{SL}/become-a-carer/calder-vale/", None, PUBLIC),
    ("POST", f"{SL}/become-a-carer/calder-vale/", {"name": "Ama"}, PUBLIC),
    ("GET", f"{SL}/become-a-carer/calder-vale/sent/", None, PUBLIC),
    ("GET", f"{SL}/carers/", None, _only(*SCHEME_WORKERS)),
    ("POST", f"{SL}/carers/", {"name": "The Khans", "postcode": "HX1 1AA"}, _only(*SCHEME_WORKERS)),
    ("GET", f"{SL}/reports/", None, _only(*SCHEME_WORKERS, COMMISSIONER, EXPERT)),
    ("GET", f"{SL}/payments/", None, _only(*SCHEME_WORKERS)),
    ("GET", f"{SL}/due/", None, _only(*SCHEME_WORKERS)),
    ("GET", f"{SL}/introduction-plan/", None, _only(*SCHEME_WORKERS)),
    ("GET", f"{API_SL}/referrals", None, _everyone(ALLOW)),
    ("GET", f"{WB}/connection-test/", None, _only(*REPORT_READERS)),
    ("GET", "/directory/", None, PUBLIC),
    ("GET", f"/directory/services/{SVC}/", None, PUBLIC),
    (
        "POST",
        "/directory/shortlists/",
        {"person": P, "service": SVC},
        _only(*SCHEME_WORKERS, LINK_WORKER, REFERRER),
    ),
    ("GET", "/directory/list-your-enterprise/", None, _only(COMMUNITY)),
    ("POST", "/directory/list-your-enterprise/", {"name": "Sunflower"}, _only(COMMUNITY)),
    ("GET", "/directory/listings/", None, _only(ADMIN)),
    ("GET", f"{SP}/refer/", None, _only(REFERRER)),
    (
        "POST",
        f"{SP}/refer/",
        {"practice": "Calder", "reasons": "loneliness", "consent_given_by": "person"},
        _only(REFERRER),
    ),
    ("GET", f"{SP}/my-referrals/", None, _only(REFERRER)),
    ("GET", f"{SP}/inbox/", None, _only(LINK_WORKER)),
    ("GET", f"{SP}/community/", None, _only(COMMUNITY)),
    ("GET", f"{SP}/reports/", None, _only(LINK_WORKER, COMMISSIONER, EXPERT)),
    ("GET", "/api/v1/social-prescribing/report", None, _only(LINK_WORKER, COMMISSIONER, EXPERT)),
    (
        "POST",
        "/api/v1/social-prescribing/referrals/fhir",
        {"resourceType": "Bundle", "entry": []},
        _only(REFERRER),
    ),
    *[("GET", path, None, PUBLIC) for path in OPEN_REFERRAL],
    *[("GET", path, None, PUBLIC) for path in PUBLIC_COMMITMENTS],
    ("GET", "/accountability/commitments/", None, _only(COMMISSIONER)),
    ("GET", "/accountability/commitments/new/", None, _only(COMMISSIONER)),
    ("POST", "/accountability/commitments/new/", {"title": ""}, _only(COMMISSIONER)),
    ("GET", "/accountability/commitments/import/", None, _only(COMMISSIONER)),
    # Anything else under /openreferral/ is a JSON 404 for everyone.
    ("GET", "/openreferral/no-such-thing", None, {a: DENY for a in ACTORS}),
    (
        "GET",
        "/api/v1/wellbeing/connection-test",
        None,
        _only(*REPORT_READERS),
    ),
    (
        "GET",
        "/api/v1/wellbeing/connection-test/months",
        None,
        _only(*REPORT_READERS),
    ),
    ("GET", f"{API_SL}/carers", None, _only(*SCHEME_WORKERS)),
    ("GET", f"{API_SL}/report", None, _only(*SCHEME_WORKERS, COMMISSIONER, EXPERT)),
]
AREA_ENTRIES += [
    ("GET", f"{FC}/", None, _only(FAMILY_CARER)),
    ("GET", f"{FC}/add/", None, _only(FAMILY_CARER)),
    ("POST", f"{FC}/add/", {"name": "Mum"}, _only(FAMILY_CARER)),
    ("GET", f"{FC}/link/", None, _only(FAMILY_CARER)),
    ("POST", f"{FC}/link/", {"name": "Mum", "email": "mum@example.test"}, _only(FAMILY_CARER)),
    # Anyone signed in may type a card number; it opens a plan only for a responder or a
    # confirmed back-up contact (kinfolk/family_carers/tests/test_card.py).
    ("GET", f"{FC}/card/", None, _everyone(ALLOW)),
    ("POST", f"{FC}/card/", {"number": "1111 2222 3333 4444"}, _everyone(ALLOW)),
    ("GET", f"{FC}/assessment/", None, _only(FAMILY_CARER)),
    ("POST", f"{FC}/assessment/", {"what_to_talk_about": "Nights"}, _only(FAMILY_CARER)),
    ("GET", f"{FC}/assessment-requests/", None, _only(*CARERS_WORKERS)),
    ("GET", f"{FC}/emergency-number/", None, _only(ADMIN)),
    (
        "POST",
        f"{FC}/emergency-number/",
        {"team_name": "Team", "twenty_four_hour_number": "01632 960 000"},
        _only(ADMIN),
    ),
    # A back-up contact's one-time link that does not exist is "not found" for everyone.
    ("GET", f"{FC}/back-up/not-a-token/", None, {a: DENY for a in ACTORS}),
    ("POST", f"{FC}/back-up/not-a-token/", {"answer": "yes"}, {a: DENY for a in ACTORS}),
]
# Pages anyone may see: documentation, not data.
PUBLIC_DOCS = {("GET", "/api/v1/docs"), ("GET", "/api/v1/openapi.json")}
# Entries tried with the actor's own area's records and again with another area's.
OWN_AND_OTHER = [
    *PERSON_ENTRIES,
    *SHARED_LIVES_ENTRIES,
    *WELLBEING_ENTRIES,
    *DIRECTORY_ENTRIES,
    *PRESCRIBING_ENTRIES,
    *ACCOUNTABILITY_ENTRIES,
    *FAMILY_CARER_ENTRIES,
    *BUDGET_ENTRIES,
]


def _cases():
    for method, path, body, outcomes in OWN_AND_OTHER:
        for actor, outcome in outcomes.items():
            yield pytest.param(
                method, path, body, actor, "own", outcome, id=f"{method} {path} {actor} own"
            )
            other = LOGIN if actor == ANONYMOUS else DENY
            yield pytest.param(
                method, path, body, actor, "other", other, id=f"{method} {path} {actor} other"
            )
    for method, path, body, outcomes in AREA_ENTRIES:
        for actor, outcome in outcomes.items():
            yield pytest.param(
                method, path, body, actor, "own", outcome, id=f"{method} {path} {actor}"
            )


def _client(world: World, actor: str) -> Client:
    client = Client()
    if actor != ANONYMOUS:
        membership = world.members[actor]
        client.force_login(membership.user)
        session = client.session
        session[ACTING_MEMBERSHIP_KEY] = membership.pk
        session.save()
    return client


def _outcome(response) -> str:
    status = response.status_code
    if status == 401 or (status == 302 and response["Location"].startswith("/accounts/login/")):
        return LOGIN
    if status in (403, 404):
        return DENY
    assert status < 500, f"server error {status}"
    return ALLOW


@pytest.mark.parametrize(("method", "path", "body", "actor", "target", "expected"), list(_cases()))
def test_authorization_matrix(world, method, path, body, actor, target, expected):
    ids = dict(
        person=world.people[target].pk,
        grant=world.grants[target].pk,
        membership=world.memberships[target].pk,
        **world.shared_lives[target],
    )
    client = _client(world, actor)
    last_entry = AuditLog.objects.aggregate(last=Max("sequence"))["last"] or 0
    response = _request(client, method, path, body, ids)
    assert _outcome(response) == expected, (response.status_code, response.content[:300])
    if expected == ALLOW and actor in SHOWS_PERSONAL_DATA.get((method, path), ()):
        read = AuditLog.objects.filter(
            sequence__gt=last_entry, actor=world.members[actor].user, action=AuditAction.VIEW
        )
        assert read.exists(), f"{method} {path} showed personal data without an audit entry"
    if target == "other" and response.status_code == 403:
        # Another area's id must answer exactly as an id that does not exist: never reveal it.
        nothing = _request(client, method, path, body, _nonexistent(ids))
        assert nothing.status_code == 403, (
            f"an id from another area answered 403 but a missing one {nothing.status_code}: "
            "answer 404 so that nobody learns the record exists"
        )


def _request(client, method, path, body, ids):
    url = path.format(**ids)
    body = {k: (v.format(**ids) if isinstance(v, str) else v) for k, v in (body or {}).items()}
    body = {k: (int(v) if k.endswith("_id") and v.isdigit() else v) for k, v in body.items()}
    if path.startswith("/api/"):
        return client.generic(
            method, url, json.dumps(body) if body else "", content_type="application/json"
        )
    return client.generic(
        method, url, _form(body), content_type="application/x-www-form-urlencoded"
    )


def _nonexistent(ids: dict) -> dict:
    """The same kinds of id, for records that do not exist anywhere."""
    return {
        key: uuid.uuid4()
        if isinstance(value, uuid.UUID)
        else 2**31 - 1
        if isinstance(value, int)
        else value
        for key, value in ids.items()
    }


def _form(body) -> str:
    from urllib.parse import urlencode

    return urlencode(body or {})


def _normalise(path: str) -> str:
    if "/social-prescribing/" in path:
        social = INBOX if "/inbox/" in path else SPR
        path = path.replace("<int:referral_id>", social).replace("{referral_id}", social)
    for marker in ("<uuid:person_id>", "{person_id}"):
        path = path.replace(marker, P)
    for name, marker in (
        ("grant", G),
        ("membership", M),
        ("assignment", AL),
        ("referral", R),
        ("carer", C),
        ("introduction", N),
        ("arrangement", A),
        ("review", V),
        ("check", K),
        ("change", CH),
        ("photo", PH),
        ("meeting", MT),
        ("response", W),
        ("sent", SENT),
        ("cared_for", CF),
        ("contact", CT),
        ("opening", OP),
        ("request", AR),
        ("budget", B),
        ("movement", MV),
    ):
        path = path.replace(f"<int:{name}_id>", marker).replace(f"{{{name}_id}}", marker)
    for name, marker in (
        ("service", SVC),
        ("sal", SAL),
        ("taxonomy", TAX),
        ("term", TERM),
        ("organization", ORG),
    ):
        for kind in ("uuid", "str"):
            path = path.replace(f"<{kind}:{name}_id>", marker)
    path = path.replace("<int:token_id>", "{token}").replace("{token_id}", "{token}")
    path = path.replace("<int:notification_id>", "{notification}")
    path = path.replace("<int:concern_id>", "{concern}")
    path = path.replace("<int:equipment_id>", "{equipment}")
    path = path.replace("<int:part_id>", "{equipment_part}")
    path = path.replace("<int:contract_id>", "{outcome_contract}")
    path = path.replace("<int:episode_id>", "{episode}")
    path = path.replace("<int:claim_id>", "{outcome_claim}")
    path = path.replace("<int:commitment_id>", CMT).replace("<slug:area_slug>", "calder-vale")
    path = path.replace("commitments.<str:fmt>", "commitments.json")
    path = path.replace("<int:not_for_me_id>", "{not_for_me}")
    path = path.replace("<str:uidb64>/<str:token>/", "MQ/not-a-token/")
    path = path.replace("/openreferral/<path:rest>", "/openreferral/no-such-thing")
    path = path.replace("back-up/<str:token>/", "back-up/not-a-token/")
    if "/family-carers/answers/" in path:
        path = path.replace(CF, WAITING)
    return path.replace("<slug:measure>", MEASURE).replace("<slug:key>", KEY)


def _page_routes(resolver=None, prefix="") -> set[str]:
    routes = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if prefix + str(entry.pattern) == "api/v1/":
                continue
            routes |= _page_routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            routes.add("/" + prefix + str(entry.pattern))
    return routes


def test_every_endpoint_is_in_the_matrix():
    entries = [*OWN_AND_OTHER, *AREA_ENTRIES]
    in_matrix = {(m, p) for m, p, _, _ in entries} | PUBLIC_DOCS
    covered_paths = {p for _, p in in_matrix}
    missing_pages = {_normalise(r) for r in _page_routes()} - covered_paths
    assert not missing_pages, f"Add these pages to the authorization matrix: {missing_pages}"
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    operations = {
        (method.upper(), _normalise(path.rstrip("/") if path != "/api/v1/" else path))
        for path, methods in schema["paths"].items()
        for method in methods
    }
    missing_api = operations - in_matrix
    assert not missing_api, f"Add these API operations to the authorization matrix: {missing_api}"


def test_api_documentation_is_public(db):
    client = Client()
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200


# --- every read of personal data is audited ------------------------------------------------
# Reads that show someone's personal data, and the actors who see someone there in this world
# (a list with nobody on it shows nothing, and leaves no entry). An allowed read by one of
# them must leave a VIEW entry in the audit log (checked in test_authorization_matrix).
SHOWS_PERSONAL_DATA = {
    ("GET", f"/people/{P}/"): VIEWERS,
    ("GET", f"/people/{P}/edit/"): EDITORS,
    ("GET", f"/people/{P}/sharing/"): SHARERS,
    ("GET", f"/people/{P}/sharing/easy-read/"): SHARERS,
    ("GET", f"/people/{P}/activity/"): SHARERS,
    ("GET", f"/api/v1/people/{P}"): VIEWERS,
    ("GET", f"/api/v1/people/{P}/grants"): SHARERS,
    ("GET", f"{SL}/people/{P}/refer/"): (ALLOCATED,),
    ("GET", f"{SL}/people/{P}/matches/"): (*DECIDERS, ALLOCATED),
    ("GET", f"{SL}/people/{P}/matches/easy-read/"): DECIDERS,
    ("GET", f"{SL}/introductions/{N}/easy-read/"): PARTIES,
    ("GET", f"{SL}/introductions/{N}/decline/"): (*SIDES, ALLOCATED),
    ("GET", f"{SL}/arrangements/{A}/easy-read/"): PARTIES,
    ("GET", f"{SL}/meetings/{MT}/move/"): PARTIES,
    ("GET", f"{SL}/introductions/{N}/meetings/new/"): PARTIES,
    ("GET", f"{SL}/meetings/{MT}/cancel/"): PARTIES,
    ("GET", f"{SL}/meetings/{MT}/calendar.ics"): PARTIES,
    ("GET", f"{API_SL}/introductions/{N}/meetings"): PARTIES,
    ("GET", f"{SL}/referrals/{R}/"): (ALLOCATED,),
    ("GET", f"{SL}/referrals/{R}/assessment/"): (ALLOCATED,),
    ("GET", f"{SL}/referrals/{R}/easy-read/"): VIEWERS,
    ("GET", f"{SL}/introductions/{N}/"): PARTIES,
    ("GET", f"{SL}/introductions/{N}/arrangement/"): (ALLOCATED,),
    ("GET", f"{SL}/arrangements/{A}/"): PARTIES,
    ("GET", f"{SL}/arrangements/{A}/end/"): PARTIES,
    ("GET", f"{SL}/arrangements/{A}/reviews/{V}/"): (ALLOCATED,),
    ("GET", f"{SL}/carers/{C}/leave/"): (*SCHEME_WORKERS, CARER),
    ("GET", f"{SL}/carers/{C}/"): (*SCHEME_WORKERS, CARER),
    ("GET", f"{SL}/carers/{C}/photos/"): PHOTO_VIEWERS,
    ("GET", f"{SL}/carers/{C}/photos/{PH}/"): PHOTO_VIEWERS,
    ("GET", f"{SL}/my-household/"): (CARER,),
    ("GET", f"{SL}/my-household/profile/"): (CARER,),
    ("GET", f"{SL}/my-household/statement/"): (CARER,),
    ("GET", f"{API_SL}/referrals/{R}"): VIEWERS,
    ("GET", f"{API_SL}/referrals/{R}/suggestions"): (ALLOCATED, *DECIDERS),
    ("GET", f"{API_SL}/carers/{C}"): (*SCHEME_WORKERS, CARER),
    ("GET", f"{API_SL}/carers/{C}/profile"): (*SCHEME_WORKERS, CARER),
    ("GET", f"{API_SL}/introductions/{N}"): PARTIES,
    ("GET", f"{API_SL}/arrangements/{A}"): PARTIES,
    ("GET", f"{WB}/people/{P}/"): VIEWERS,
    ("GET", f"{WB}/people/{P}/easy-read/"): VIEWERS,
    ("GET", f"{WB}/people/{P}/measures/{MEASURE}/"): WELLBEING_RECORDERS,
    ("GET", f"{WB}/people/{P}/check-in/"): WELLBEING_RECORDERS,
    ("GET", f"{WB}/people/{P}/circle/"): WELLBEING_RECORDERS,
    ("GET", f"{WB}/people/{P}/sharing/"): SHARERS,
    ("GET", f"/api/v1/wellbeing/people/{P}/responses"): VIEWERS,
    ("GET", f"/api/v1/wellbeing/responses/{W}/fhir"): VIEWERS,
    ("GET", f"/directory/shortlists/{P}/"): VIEWERS,
    ("GET", f"{SP}/referrals/{SPR}/"): (LINK_WORKER, REFERRER, PERSON),
    ("GET", f"{SP}/inbox/{INBOX}/take/"): (LINK_WORKER,),
    **{("GET", f"{SP}/referrals/{SPR}/{action}/"): (LINK_WORKER,) for action in ENDINGS},
    ("GET", f"/api/v1/social-prescribing/referrals/{SPR}/fhir"): (LINK_WORKER, REFERRER, PERSON),
    ("GET", "/"): (PERSON, REPRESENTATIVE, ALLOCATED),
    ("GET", "/accounts/memberships/"): (ADMIN,),
    ("GET", "/people/allocate/"): (ADMIN,),
    ("GET", "/people/emergency-access/"): (ADMIN,),
    ("GET", "/api/v1/people"): (PERSON, REPRESENTATIVE, ALLOCATED),
    ("GET", f"{SL}/"): SCHEME_WORKERS,
    ("GET", f"{SL}/introduction-requests/"): (CARER,),
    ("GET", f"{SL}/carers/"): SCHEME_WORKERS,
    ("GET", f"{SL}/payments/"): SCHEME_WORKERS,
    ("GET", f"{SL}/due/"): SCHEME_WORKERS,
    ("GET", f"{SL}/introduction-plan/"): SCHEME_WORKERS,
    ("GET", f"{API_SL}/referrals"): (PERSON, REPRESENTATIVE, ALLOCATED),
    ("GET", f"{API_SL}/carers"): SCHEME_WORKERS,
    # The referrer's own patients, to choose from; nobody is allocated to them in this world
    # (test_the_referral_form_audits_the_people_it_lists covers it).
    ("GET", f"{SP}/refer/"): (),
    ("GET", f"{SP}/my-referrals/"): (REFERRER,),
    ("GET", f"{SP}/inbox/"): (LINK_WORKER,),
    ("GET", f"{SP}/community/"): (COMMUNITY,),
    ("GET", f"/accounts/memberships/{M}/remove/"): (ADMIN,),
    ("GET", f"/people/allocations/{AL}/end/"): (ADMIN,),
    ("GET", f"/people/{P}/sharing/{G}/revoke/"): SHARERS,
    ("GET", f"{WB}/people/{P}/circle/{KEY}/remove/"): WELLBEING_RECORDERS,
    ("GET", f"/accounts/memberships/{M}/reset-two-step/"): (ADMIN,),
    ("GET", f"{BG}/{B}/"): BUDGET_VIEWERS,
    ("GET", f"{BG}/{B}/statement.csv"): BUDGET_VIEWERS,
    ("GET", f"{BG}/{B}/plan/outcomes/"): PLAN_WRITERS,
    ("GET", f"{BG}/{B}/plan/agree/"): DECIDERS,
    ("GET", f"{BG}/{B}/plan/words/"): PLAN_WRITERS,
    ("GET", f"{BG}/{B}/review/"): (APPROVER,),
    ("GET", f"{BG}/new/{P}/"): (APPROVER,),
    ("GET", "/accountability/outcomes/claims/{outcome_claim}/"): (PERSON, REPRESENTATIVE),
    ("GET", "/accountability/scores/{episode}/"): (PERSON,),
    ("GET", f"{BG}/{B}/plan/approve/"): (APPROVER,),
    ("GET", f"{BG}/{B}/payments/"): (BROKER,),
    ("GET", f"{BG}/{B}/money-in/"): (APPROVER,),
    ("GET", f"{BG}/{B}/movements/{MV}/reverse/"): (BROKER,),
    ("GET", f"{API_BG}/{B}"): BUDGET_VIEWERS,
    ("GET", f"{API_BG}/{B}/statements"): BUDGET_VIEWERS,
    ("GET", f"{API_BG}/{B}/movements"): BUDGET_VIEWERS,
    # Plans agreed and waiting (in this world the plan is approved already, so nobody is on it).
    ("GET", f"{BG}/waiting/"): (),
    ("GET", f"{BG}/managed/"): (BROKER,),
    # Your notifications may name someone (in this world nobody has been told anything yet).
    ("GET", "/notifications/"): (),
    # Who was told what (in this world, nobody yet).
    ("GET", "/notifications/outbox/"): (),
    ("GET", f"{FC}/plans/{CF}/"): PLAN_READERS,
    ("GET", f"{FC}/contacts/{CT}/remove/"): (FAMILY_CARER,),
    ("GET", f"{FC}/concerns/new/{P}/"): (PERSON, REPRESENTATIVE, FAMILY_CARER),
    ("GET", f"{FC}/concerns/{{concern}}/"): (FAMILY_CARER, ALLOCATED, ADMIN),
    ("GET", f"{FC}/equipment/new/{P}/"): EQUIPMENT_ASKERS,
    ("GET", f"{FC}/equipment/{{equipment}}/"): (*EQUIPMENT_ASKERS, ADMIN),
    ("GET", f"{FC}/equipment/parts/{{equipment_part}}/"): (ALLOCATED, ADMIN),
    ("GET", f"{FC}/plans/{CF}/print/"): PLAN_READERS,
    ("GET", f"{FC}/plans/{CF}/edit/"): (FAMILY_CARER,),
    ("GET", f"{FC}/plans/{CF}/card.pdf"): (FAMILY_CARER,),
    ("GET", f"{FC}/answers/{WAITING}/"): (PERSON, REPRESENTATIVE),
    ("GET", f"{FC}/opened/{OP}/"): (RESPONDER,),
    ("GET", f"{FC}/"): (FAMILY_CARER,),
    ("GET", f"{FC}/card/"): (RESPONDER,),
    ("GET", f"{FC}/assessment-requests/"): CARERS_WORKERS,
}
SHOWS_NO_PERSONAL_DATA = {
    **{("GET", path): "what the area promised, in public" for path in PUBLIC_COMMITMENTS},
    ("GET", "/accountability/commitments/"): "the area's commitments, drafts too",
    ("GET", "/budgets/new/"): "the search form, before anyone is searched for",
    ("GET", "/accountability/outcomes/"): "contract titles and providers",
    ("GET", "/accountability/scores/"): "the names of services the reader used",
    ("GET", "/accountability/scores/words/"): "words without names, from 5 or more people",
    ("GET", "/accountability/calder-vale/scores/"): "published figures, in public",
    ("GET", "/accountability/calder-vale/"): "the hub: published figures, in public",
    ("GET", "/family-carers/concerns/figures/"): "figures under the disclosure rule",
    ("GET", "/family-carers/equipment/figures/"): "figures under the disclosure rule",
    ("GET", "/family-carers/concerns/"): "names only of concerns the reader raised or answers, "
    "audited as a list when there are any",
    ("GET", "/accountability/outcomes/new/"): "the form for a new contract",
    ("GET", "/accountability/outcomes/{outcome_contract}/"): "figures under the disclosure rule",
    ("GET", "/accountability/commitments/new/"): "the form for a new commitment",
    ("GET", "/accountability/commitments/import/"): "the spreadsheet upload form",
    ("GET", f"/accountability/commitments/{CMT}/progress/"): "a commitment and its form",
    ("GET", f"{SL}/become-a-carer/calder-vale/"): "the public form to apply to be a carer",
    ("GET", f"{SL}/become-a-carer/calder-vale/sent/"): "what happens after applying",
    ("GET", f"/people/{P}/emergency-access/"): "the form asks for a reason and shows no record",
    ("GET", "/accounts/login/"): "the sign-in form",
    ("GET", "/notifications/choices/"): "how you chose to be told",
    ("GET", "/notifications/scheduled-jobs/"): "which jobs ran when",
    ("GET", "/accounts/mfa/"): "the security code form",
    ("GET", "/accounts/mfa/setup/"): "setting up your own authenticator",
    ("GET", "/accounts/acting-as/"): "your own roles",
    ("GET", "/accounts/security/"): "your own API tokens",
    ("GET", "/api/v1/tokens"): "your own API tokens, as data",
    ("GET", "/accounts/mfa/recovery-codes/"): "your own recovery codes, once",
    ("GET", "/accounts/mfa/recovery-codes/new/"): "a form for your own security code",
    ("GET", "/accounts/password/"): "a form for your own password",
    ("GET", "/accounts/password-reset/"): "a form asking for an email address",
    ("GET", "/accounts/password-reset/MQ/not-a-token/"): "a form for a new password",
    **{
        ("GET", f"/{page}/"): "a page of public information"
        for page in ("accessibility", "privacy", "cookies", "contact")
    },
    ("GET", "/api/v1/wellbeing/connection-test/months"): "counts by month, suppressed below 5",
    ("GET", "/api/v1/social-prescribing/report"): "the report's counts, suppressed below 5",
    ("GET", f"{API_SL}/report"): "the scheme's counts, suppressed below 5",
    ("GET", "/people/new/"): "an empty form",
    ("GET", "/api/v1/me"): "your own account",
    ("GET", f"{SL}/reports/"): "counts for the scheme, with small numbers suppressed",
    ("GET", f"{WB}/connection-test/"): "counts for the area, with small numbers suppressed",
    ("GET", "/api/v1/wellbeing/connection-test"): "the same counts, as data",
    ("GET", "/directory/"): "the public directory",
    ("GET", f"/directory/services/{SVC}/"): "a published service",
    ("GET", "/directory/list-your-enterprise/"): "an empty form",
    ("GET", "/directory/listings/"): "organisations' published details, waiting for approval",
    ("GET", f"{SP}/reports/"): "counts for the commissioner, with small numbers suppressed",
    **{("GET", path): "the public Open Referral UK directory" for path in OPEN_REFERRAL},
    ("GET", "/openreferral/no-such-thing"): "a JSON 'not found'",
    ("GET", f"{FC}/add/"): "an empty form",
    ("GET", f"{FC}/link/"): "an empty form",
    ("GET", f"{FC}/assessment/"): "the carer's own requests and their status",
    ("GET", f"{FC}/emergency-number/"): "the area's emergency team name and number",
    ("GET", f"{FC}/back-up/not-a-token/"): "a 'not found' for a link that does not exist",
}


def test_every_read_in_the_matrix_says_whether_it_shows_personal_data():
    reads = {
        (method, path) for method, path, _, _ in [*OWN_AND_OTHER, *AREA_ENTRIES] if method == "GET"
    }
    undecided = reads - set(SHOWS_PERSONAL_DATA) - set(SHOWS_NO_PERSONAL_DATA)
    assert not undecided, f"Say whether these show personal data: {sorted(undecided)}"
    assert not set(SHOWS_PERSONAL_DATA) & set(SHOWS_NO_PERSONAL_DATA)
    assert set(SHOWS_PERSONAL_DATA) | set(SHOWS_NO_PERSONAL_DATA) <= reads
