"""Reads for social prescribing: each person sees only their part of the loop."""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone

from kinfolk.accounts.models import Role
from kinfolk.core.lookups import int_or_404
from kinfolk.core.models import AuditAction
from kinfolk.core.scoping import in_actors_area
from kinfolk.people.audit import audit_person

from .models import CommunityReferral, OrganizationMember, Reason, Referral, Status

SAFE_CASELOAD = (200, 250)  # people a year (NHS England guidance)


def contact_target_days() -> int:
    """Days within which a link worker should first contact someone (an area setting)."""
    from django.conf import settings

    return getattr(settings, "KINFOLK_SOCIAL_PRESCRIBING_CONTACT_DAYS", 7)


def days_waiting_for_contact(referral: Referral) -> int | None:
    """Days since the referral arrived, while no one has contacted the person yet."""
    if referral.first_contact_at or referral.status in (Status.CLOSED, Status.DECLINED):
        return None
    return (timezone.now() - referral.received_at).days


def referral_get(*, actor, referral_id) -> Referral:
    """For the link worker, the referrer who sent it, or the person themselves."""
    referral = (
        Referral.objects.select_related("person", "person__area", "referrer", "link_worker")
        .filter(pk=int_or_404(referral_id))
        .first()
    )
    if referral is None:
        raise Http404("No such referral")
    if not in_actors_area(actor, referral):
        audit_person(actor=actor, action=AuditAction.DENIED, person=referral.person, about=referral)
        raise Http404("No such referral")
    allowed = (
        (actor.acts_as(Role.LINK_WORKER) and referral.link_worker_id == actor.user.pk)
        or (actor.acts_as(Role.REFERRER) and referral.referrer_id == actor.user.pk)
        or (actor.acts_as(Role.PERSON) and referral.person.user_id == actor.user.pk)
    )
    if not allowed:
        audit_person(actor=actor, action=AuditAction.DENIED, person=referral.person, about=referral)
        raise PermissionDenied("This referral is not yours to see.")
    audit_person(actor=actor, action=AuditAction.VIEW, person=referral.person, about=referral)
    return referral


def inbox(*, actor) -> QuerySet[Referral]:
    """New referrals no link worker has taken yet."""
    return (
        Referral.objects.in_area(actor.area)
        .filter(link_worker__isnull=True, status=Status.NEW)
        .select_related("person")
        .order_by("received_at")
    )


def inbox_referral_get(*, actor, referral_id) -> Referral:
    referral = inbox(actor=actor).filter(pk=int_or_404(referral_id)).first()
    if referral is None:
        raise Http404("That referral is not in the inbox.")
    return referral


def caseload(*, actor) -> QuerySet[Referral]:
    return (
        Referral.objects.in_area(actor.area)
        .filter(link_worker=actor.user)
        .select_related("person")
        .order_by("status", "-received_at")
    )


@dataclass(frozen=True)
class CaseloadSize:
    people_this_year: int

    @property
    def warning(self) -> str | None:
        low, high = SAFE_CASELOAD
        if self.people_this_year > high:
            return (
                f"Your caseload is {self.people_this_year} people this year, above the safe "
                f"size of {low} to {high}. Talk to your manager."
            )
        if self.people_this_year >= low:
            return (
                f"Your caseload is {self.people_this_year} people this year: at the safe size "
                f"of {low} to {high}."
            )
        return None


def caseload_size(*, actor) -> CaseloadSize:
    year_ago = timezone.now() - timedelta(days=365)
    people = (
        Referral.objects.in_area(actor.area)
        .filter(link_worker=actor.user, received_at__gte=year_ago)
        .values("person")
        .distinct()
        .count()
    )
    return CaseloadSize(people)


def my_referrals(*, actor) -> QuerySet[Referral]:
    """A referrer's own referrals and what became of them."""
    return (
        Referral.objects.in_area(actor.area)
        .filter(referrer=actor.user)
        .select_related("person", "baseline", "follow_up")
        .prefetch_related("messages")
    )


def organisations_of(*, actor) -> list[int]:
    return list(
        OrganizationMember.objects.filter(user=actor.user).values_list("organization_id", flat=True)
    )


def sent_to_my_organisations(*, actor) -> QuerySet[CommunityReferral]:
    """A community organisation sees only what was sent to it: a first name, the goals."""
    return (
        CommunityReferral.objects.in_area(actor.area)
        .filter(organization_id__in=organisations_of(actor=actor))
        .select_related("referral__person", "service", "organization")
        .prefetch_related("referral__goals")
    )


def community_referral_get(*, actor, sent_id) -> CommunityReferral:
    sent = sent_to_my_organisations(actor=actor).filter(pk=int_or_404(sent_id)).first()
    if sent is None:
        raise Http404("Nothing like that was sent to your organisation.")
    return sent


def community_referral_for_link_worker(*, actor, sent_id) -> CommunityReferral:
    sent = (
        CommunityReferral.objects.in_area(actor.area)
        .filter(pk=int_or_404(sent_id), referral__link_worker=actor.user)
        .select_related("referral__person", "service", "organization")
        .first()
    )
    if sent is None:
        raise Http404
    return sent


@dataclass
class Report:
    by_practice: list
    by_reason: list
    median_days_to_first_contact: float | None
    referrals: int
    connected_share: float | None
    wellbeing_change: dict  # item -> (mean change, people) or None if < 5
    rows: list


def report(*, area) -> Report:
    referrals = list(
        Referral.objects.in_area(area).select_related("baseline", "follow_up", "person")
    )
    practices = dict(Referral.objects.in_area(area).values_list("practice").annotate(n=Count("id")))
    reasons: dict = {}
    for r in referrals:
        for reason in r.reasons:
            reasons[reason] = reasons.get(reason, 0) + 1
    days = [
        (r.first_contact_at - r.received_at).total_seconds() / 86400
        for r in referrals
        if r.first_contact_at
    ]
    change: dict = {}
    pairs = [r for r in referrals if r.baseline and r.follow_up]
    for item in ("life_satisfaction", "worthwhile", "happiness", "anxiety"):
        values = [r.follow_up.score[item]["value"] - r.baseline.score[item]["value"] for r in pairs]
        change[item] = (
            (round(statistics.fmean(values), 2), len(values)) if len(values) >= 5 else None
        )
    return Report(
        by_practice=sorted(practices.items(), key=lambda kv: -kv[1]),
        by_reason=[(Reason(k).label, n) for k, n in sorted(reasons.items(), key=lambda kv: -kv[1])],
        median_days_to_first_contact=round(statistics.median(days), 1) if days else None,
        referrals=len(referrals),
        connected_share=round(sum(1 for r in referrals if r.connected_at) / len(referrals), 3)
        if referrals
        else None,
        wellbeing_change=change,
        rows=referrals,
    )
