"""Reads for social prescribing: each person sees only their part of the loop."""

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from kinfolk.core.disclosure import (
    Line,
    count_line,
    mean_of,
    median_of,
    protect_over_time,
    words,
)
from kinfolk.core.lookups import int_or_404
from kinfolk.core.records import record_for

from . import rules  # noqa: F401  (names the permissions asked here)
from .models import (
    CommunityReferral,
    CommunityStatus,
    OrganizationMember,
    Practice,
    Reason,
    Referral,
    Status,
)

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


def referral_get(*, actor, referral_id, with_its_work: bool = False) -> Referral:
    """One referral, for its link worker, the referrer who sent it, or the person themselves;
    the read is audited under the person, and a referral in another area is not found.
    `with_its_work` brings its goals, conversations and activities too (for its page)."""
    referrals = Referral.objects.select_related("person", "person__area", "referrer", "link_worker")
    if with_its_work:
        referrals = referrals.select_related("baseline", "follow_up").prefetch_related(
            "goals", "conversations", "community__service", "community__organization"
        )
    return record_for(
        actor,
        referrals,
        referral_id,
        permission="social_prescribing.see_referral",
        refusal="This referral is not yours to see.",
    )


def inbox(*, actor) -> QuerySet[Referral]:
    """New referrals no link worker has taken yet."""
    return (
        Referral.objects.in_area(actor.area)
        .filter(link_worker__isnull=True, status=Status.NEW)
        .select_related("person")
        .order_by("received_at")
    )


def inbox_referral_get(*, actor, referral_id) -> Referral:
    """One new referral from the area's inbox (not found once someone has taken it)."""
    referral = inbox(actor=actor).filter(pk=int_or_404(referral_id)).first()
    if referral is None:
        raise Http404("That referral is not in the inbox.")
    return referral


def inbox_referral_preview(*, actor, referral_id) -> Referral:
    """One new referral from the inbox, read by a link worker of its area before taking it: the
    read is audited under the person; anyone else is refused, another area's is not found."""
    return record_for(
        actor,
        inbox(actor=actor).select_related("referrer", "person__area"),
        referral_id,
        permission="social_prescribing.take_referral",
        refusal="Only a link worker in this area can see the referrals waiting to be taken.",
    )


def caseload(*, actor) -> QuerySet[Referral]:
    """The referrals this link worker has taken, open ones first."""
    return (
        Referral.objects.in_area(actor.area)
        .filter(link_worker=actor.user)
        .select_related("person")
        .order_by("status", "-received_at")
    )


@dataclass(frozen=True)
class CaseloadSize:
    """A link worker's people this year, and a warning near or above the safe size."""

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
    """How many people this link worker has taken on in the last year."""
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


NO_NEWS_DAYS = 28  # an open referral with no news for longer than this is flagged to its referrer


def what_the_referrer_should_know(referral: Referral, *, now=None) -> str | None:
    """A referral stuck at one stage too long, in words for its referrer: waiting longer than the
    contact target for first contact, or open with no news for more than NO_NEWS_DAYS (news is
    the first contact, being connected, or a message)."""
    if referral.status in (Status.CLOSED, Status.DECLINED):
        return None
    now = now or timezone.now()
    if referral.first_contact_at is None:
        days = (now - referral.received_at).days
        return f"Waiting {days} days for first contact" if days > contact_target_days() else None
    news = [referral.first_contact_at, referral.connected_at]
    news += [m.sent_at for m in referral.messages.all()]
    days = (now - max(when for when in news if when)).days
    return f"No news for {days} days" if days > NO_NEWS_DAYS else None


def practices_offered(*, area) -> QuerySet[Practice]:
    """The area's practices a referrer chooses from (open ones), by name."""
    return Practice.objects.in_area(area).filter(offered=True).order_by("name")


def organisations_of(*, actor) -> list[int]:
    """The community organisations the actor is a member of."""
    return list(
        OrganizationMember.objects.filter(user=actor.user).values_list("organization_id", flat=True)
    )


WAITING_FIRST = {CommunityStatus.SENT: 0, CommunityStatus.ACCEPTED: 1}


def sent_to_my_organisations(*, actor) -> QuerySet[CommunityReferral]:
    """A community organisation sees only what was sent to it: a first name, the goals."""
    return (
        CommunityReferral.objects.in_area(actor.area)
        .filter(organization_id__in=organisations_of(actor=actor))
        .select_related("referral__person", "referral__link_worker", "service", "organization")
        .prefetch_related("referral__goals")
    )


def requests_for_my_organisations(*, actor) -> list[CommunityReferral]:
    """What was sent to the actor's organisations: waiting for an answer first (oldest first),
    then accepted, then the rest (newest first)."""
    sent = sorted(sent_to_my_organisations(actor=actor), key=lambda c: c.sent_at, reverse=True)
    waiting = sorted((c for c in sent if c.status == CommunityStatus.SENT), key=lambda c: c.sent_at)
    return waiting + sorted(
        (c for c in sent if c.status != CommunityStatus.SENT),
        key=lambda c: WAITING_FIRST.get(c.status, 2),
    )


def community_referral_get(*, actor, sent_id) -> CommunityReferral:
    """One request sent to one of the actor's organisations (not found otherwise)."""
    sent = sent_to_my_organisations(actor=actor).filter(pk=int_or_404(sent_id)).first()
    if sent is None:
        raise Http404("Nothing like that was sent to your organisation.")
    return sent


def community_referral_for_link_worker(*, actor, sent_id) -> CommunityReferral:
    """One request a link worker sent for someone they support (not found otherwise)."""
    sent = (
        CommunityReferral.objects.in_area(actor.area)
        .filter(pk=int_or_404(sent_id), referral__link_worker=actor.user)
        .select_related("referral__person", "service", "organization")
        .first()
    )
    if sent is None:
        raise Http404
    return sent


ONS4_ITEMS = {
    "life_satisfaction": "Life satisfaction",
    "worthwhile": "Feeling what you do is worthwhile",
    "happiness": "Happiness yesterday",
    "anxiety": "Anxiety yesterday (lower is better)",
}
WELLBEING = "Wellbeing change (ONS4), start to follow-up"


def _as_of(moment, cut) -> bool:
    """Whether something that happened at `moment` had happened by the end of day `cut`."""
    return moment is not None and (cut is None or timezone.localdate(moment) <= cut)


def _counts(referrals: list, practices: list, cut) -> dict:
    """One cut of the report's counts: the referrals received by `cut`, as they stood then."""
    reasons = Counter(reason for r in referrals for reason in set(r.reasons))
    by_practice = Counter(r.practice for r in referrals)
    total = len(referrals)
    connected = sum(1 for r in referrals if _as_of(r.connected_at, cut))
    paired = len(_paired(referrals, cut))
    return {
        "referrals": total,
        "connected": connected,
        "not connected": total - connected,
        "paired": paired,
        "not paired": total - paired,
        **{("practice", p): by_practice.get(p, 0) for p in practices},
        **{("reason", value): reasons.get(value, 0) for value in Reason.values},
        "reasons given": sum(reasons.values()),  # near the referrals: treated as known
    }


def _paired(referrals: list, cut) -> list:
    return [
        r for r in referrals if r.baseline and r.follow_up and _as_of(r.follow_up.completed_at, cut)
    ]


def report(*, area, year=None) -> list[Line]:
    """The area's social prescribing figures for a financial year (`core.periods`): referrals
    received in it, to the end of each complete quarter, under the disclosure rule across the
    quarters (`protect_over_time`). Without a year, every referral as it stands (tests)."""
    everyone = list(Referral.objects.in_area(area).select_related("baseline", "follow_up"))
    if year is None:
        cuts = [(None, everyone)]
    else:
        if not year.cuts:
            return [Line("Referrals", "Referrals", None, "No figures until the first quarter ends")]
        cuts = [
            (cut, [r for r in everyone
                   if year.starts_on <= timezone.localdate(r.received_at) <= cut])
            for cut in year.cuts
        ]  # fmt: skip
    cut, referrals = cuts[-1]
    practices = sorted({r.practice for _, some in cuts for r in some})
    shown = protect_over_time(
        [_counts(some, practices, at) for at, some in cuts],
        [
            ("referrals", [("practice", p) for p in practices]),
            ("referrals", ["connected", "not connected"]),
            ("referrals", ["paired", "not paired"]),
            ("reasons given", [("reason", value) for value in Reason.values]),
        ],
        unpublished=["not paired"],
    )
    return [
        *_referral_lines(shown, referrals, cut),
        *(count_line("By practice or team", p, shown[("practice", p)]) for p in practices),
        *(count_line("Reasons", label, shown[("reason", v)]) for v, label in Reason.choices),
        *_wellbeing_lines(_paired(referrals, cut), shown["paired"]),
    ]


def _referral_lines(shown: dict, referrals: list, cut=None) -> list[Line]:
    section = "Referrals"
    # A contact recorded before the referral arrived cannot be true: it is left out.
    days = [
        (r.first_contact_at - r.received_at).total_seconds() / 86400
        for r in referrals
        if _as_of(r.first_contact_at, cut) and r.first_contact_at >= r.received_at
    ]
    median = median_of(days)
    share = None
    if shown["connected"] is not None and shown["referrals"]:
        share = round(100 * shown["connected"] / shown["referrals"])
    return [
        count_line(section, "Referrals", shown["referrals"]),
        count_line(section, "Connected to a community activity", shown["connected"]),
        count_line(section, "Not yet connected", shown["not connected"]),
        Line(section, "Share connected", share, words(share, "%") if referrals else "No data"),
        Line(
            section,
            "Median days to first contact",
            None if median is None else round(median, 1),
            "No data" if not days else words(None if median is None else round(median, 1)),
        ),
    ]


def _change(referral, item: str) -> float:
    return referral.follow_up.score[item]["value"] - referral.baseline.score[item]["value"]


def _wellbeing_lines(paired: list, people: int | None) -> list[Line]:
    lines = [count_line(WELLBEING, "People with a start and a follow-up score", people)]
    for item, label in ONS4_ITEMS.items():
        values = [_change(r, item) for r in paired]
        mean = mean_of(values, people)
        lines.append(Line(WELLBEING, label, mean.value, mean.shown))
    return lines


def what_ending_a_referral_leaves(referral: Referral) -> dict:
    """What the link worker is told before closing a referral: who is told, whether a change
    in wellbeing goes with the summary, and how many requests are still with organisations."""
    return {
        "referrer": referral.referrer.display_name if referral.referrer_id else "the referrer",
        "has_change": bool(wellbeing_change(referral)),
        "waiting": referral.community.filter(status=CommunityStatus.SENT).count(),
    }


def wellbeing_change(referral: Referral) -> dict | None:
    """Each ONS4 item's change from the start to the follow-up (None without both)."""
    if not (referral.baseline and referral.follow_up):
        return None
    before, after = referral.baseline.score, referral.follow_up.score
    return {item: after[item]["value"] - before[item]["value"] for item in before}


def first_referral_on(*, area):
    """The day the area's first referral arrived (None before any), for the years offered."""
    first = (
        Referral.objects.in_area(area)
        .order_by("received_at")
        .values_list("received_at", flat=True)[:1]
    )
    return timezone.localdate(first[0]) if first else None
