"""Outcome payments: set up a contract with its rate card and caps; each month, find the
outcomes the measures show for the people the service took on and ask each person; pay only
what the person confirmed, within the caps; the person's answer in their own words."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import require
from kinfolk.core.text import visible_text
from kinfolk.notifications.services import tell
from kinfolk.people.audit import audit_person
from kinfolk.people.notices import speaking_for
from kinfolk.wellbeing.models import Episode

from .evidence import counts_after_follow_up, evidence_for
from .models import ClaimStatus, OutcomeClaim, OutcomeKind, OutcomesContract, RateLine

TO_CONFIRM = "accountability.outcome_to_confirm"


@transaction.atomic
def contract_create(
    *, actor, title: str, organization, service: str, starts_on: date, ends_on: date,
    follow_up_days: int, cap_per_person_pence: int, cap_pence: int, prices: dict,
) -> OutcomesContract:  # fmt: skip
    """A commissioner sets up an outcomes contract: who provides it, which service's people
    count, when, the rate card (outcome -> pence) and the caps."""
    require(actor, "accountability.manage_outcome_contracts", message="Only commissioners may.")
    if organization.area_id != actor.area.pk:
        raise ValidationError("Choose a provider in your area.", code="organization")
    if ends_on <= starts_on:
        raise ValidationError({"ends_on": "The contract must end after it starts."})
    if not cap_per_person_pence or cap_pence < cap_per_person_pence:
        raise ValidationError(
            {"cap": "The contract's cap must be at least the cap for one person."}
        )
    prices = {k: v for k, v in prices.items() if v}
    if not prices:
        raise ValidationError("Give a price for at least one outcome.", code="prices")
    if set(prices) - set(OutcomeKind.values):
        raise ValidationError("That is not an outcome Kinfolk measures.", code="prices")
    contract = OutcomesContract.objects.create(
        area=actor.area, title=visible_text(title), organization=organization,
        service=visible_text(service), starts_on=starts_on, ends_on=ends_on,
        follow_up_days=follow_up_days, cap_per_person_pence=cap_per_person_pence,
        cap_pence=cap_pence, created_by=actor.user,
    )  # fmt: skip
    RateLine.objects.bulk_create(
        [
            RateLine(area=actor.area, contract=contract, outcome=k, price_pence=v)
            for k, v in prices.items()
        ]
    )
    return contract


def taken_on(contract: OutcomesContract):
    """The spells of support the contract pays for: the service's, starting within it."""
    return Episode.objects.in_area(contract.area).filter(
        service=contract.service, started_on__gte=contract.starts_on,
        started_on__lte=contract.ends_on,
    )  # fmt: skip


def _link(claim: OutcomeClaim) -> str:
    return reverse("accountability:outcome_claim", args=[claim.pk])


def claims_find(contract: OutcomesContract, today: date) -> int:
    """Ask each person about each outcome newly shown for them (once per outcome)."""
    episodes = list(taken_on(contract).select_related("person"))
    lines = {line.outcome: line for line in contract.lines.all()}
    evidence = evidence_for(episodes, today)
    made = 0
    for episode in episodes:
        for outcome, shown in evidence[episode.pk].items():
            line = lines.get(outcome)
            if line is None or not counts_after_follow_up(shown, episode, contract.follow_up_days):
                continue
            claim, created = OutcomeClaim.objects.get_or_create(
                contract=contract, line=line, person=episode.person,
                defaults={"area": contract.area, "before": shown.before, "after": shown.after,
                          "shown_on": shown.on},
            )  # fmt: skip
            if created:
                made += 1
                for user in speaking_for(episode.person):
                    tell(recipient=user, area=contract.area, event=TO_CONFIRM,
                         text="Is this right for you? We would like to hear it in your words.",
                         key=f"outcome-claim-{claim.pk}", link=_link(claim),
                         about=episode.person)  # fmt: skip
    return made


def _paid(contract, **more) -> int:
    return (
        OutcomeClaim.objects.filter(contract=contract, **more).aggregate(t=Sum("paid_pence"))["t"]
        or 0
    )


def payments_make(contract: OutcomesContract, month: date) -> int:
    """Pay every confirmed, unpaid claim for `month`, within the caps; returns pence paid."""
    contract = OutcomesContract.objects.select_for_update().get(pk=contract.pk)
    total = 0
    confirmed = OutcomeClaim.objects.filter(
        contract=contract, status=ClaimStatus.CONFIRMED, paid_month__isnull=True
    ).select_related("line")
    for claim in confirmed.order_by("said_at", "pk"):
        room = min(
            contract.cap_per_person_pence - _paid(contract, person_id=claim.person_id),
            contract.cap_pence - _paid(contract),
        )
        claim.paid_pence = max(0, min(claim.line.price_pence, room))
        claim.paid_month = month
        claim.save(update_fields=["paid_pence", "paid_month"])
        total += claim.paid_pence
    return total


def monthly_run(day: date) -> str:
    """The month's run over every contract that has started: ask, then pay for last month."""
    month = day.replace(day=1)
    asked = paid = 0
    for contract in OutcomesContract.objects.filter(starts_on__lte=day).select_related("area"):
        with transaction.atomic():
            asked += claims_find(contract, day)
            paid += payments_make(contract, month)
    return f"asked:{asked} paid:{paid}"


@transaction.atomic
def claim_answer(
    *, actor, claim: OutcomeClaim, confirmed: bool, in_their_words: str, how_shown: str = ""
) -> OutcomeClaim:
    """The person says whether the outcome is right for them, in their own words; someone
    acting for them also says how the person showed it. Once said, it stays said."""
    require(actor, "accountability.answer_outcome", claim, about=claim.person)
    claim = OutcomeClaim.objects.select_for_update().get(pk=claim.pk)
    if claim.status != ClaimStatus.ASKED:
        raise ValidationError("This has been answered already.", code="answered")
    words, how = visible_text(in_their_words), visible_text(how_shown)
    errors = {}
    if confirmed and not words:
        errors["in_their_words"] = "Say in your own words what has changed."
    if claim.person.user_id != actor.user.pk and not how:
        errors["how_shown"] = "Say how they showed you."
    if errors:
        raise ValidationError(errors)
    claim.status = ClaimStatus.CONFIRMED if confirmed else ClaimStatus.NOT_CONFIRMED
    claim.in_their_words, claim.how_shown = words, how
    claim.said_by, claim.said_at = actor.user, timezone.now()
    claim.save()
    audit_person(actor=actor, action=AuditAction.UPDATE, person=claim.person, about=claim,
                 detail={"confirmed": confirmed})  # fmt: skip
    return claim
