"""Outcome payments' pages: the commissioner's contracts, a contract's figures (for its
commissioner and its provider), and the person's question. Thin."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from kinfolk.core.permissions import require
from kinfolk.core.posting import form_posted
from kinfolk.directory.selectors import organizations_in_area
from kinfolk.wellbeing.selectors import service_names

from . import presenters, selectors, services
from .forms import AnswerForm, ContractForm


@login_required
def contracts(request):
    """The area's outcome contracts (a provider sees its own)."""
    found = selectors.contracts_for(actor=request.actor)
    manages = request.actor.acts_as("commissioner")
    if not manages and not found:
        require(request.actor, "accountability.manage_outcome_contracts")
    return render(
        request, "accountability/outcomes/contracts.jinja", {"contracts": found, "manages": manages}
    )


@login_required
def contract_new(request):
    """A commissioner sets up an outcomes contract: provider, service, rate card and caps."""
    require(request.actor, "accountability.manage_outcome_contracts")
    area = request.actor.area
    form = ContractForm(
        request.POST or None,
        organizations=organizations_in_area(area=area),
        services=service_names(area=area),
    )
    organizations = {str(o.pk): o for o in organizations_in_area(area=area)}
    if done := form_posted(
        request,
        form,
        act=lambda d: services.contract_create(
            actor=request.actor,
            title=d["title"],
            organization=organizations[d["organization"]],
            service=d["service"],
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            follow_up_days=d["follow_up_days"],
            cap_per_person_pence=d["cap_per_person"],
            cap_pence=d["cap"],
            prices=form.prices(),
        ),  # fmt: skip
        said="The contract is set up. Outcomes are looked for on the first of each month.",
        then=lambda c: reverse("accountability:outcome_contract", args=[c.pk]),
    ):
        return done
    return render(request, "accountability/outcomes/contract_new.jinja", {"form": form})


@login_required
def contract(request, contract_id):
    """One contract's rate card, caps and figures; never who."""
    found = selectors.contract_get(actor=request.actor, contract_id=contract_id)
    claims = list(found.claims.all())
    taken_on, everyone = selectors.taken_on_and_everyone(found)
    return render(
        request,
        "accountability/outcomes/contract.jinja",
        {
            "c": found,
            "rows": presenters.outcome_rows(found, claims),
            "fairness": presenters.fairness(taken_on, everyone),
            "pounds": presenters.pounds,
        },
    )


@login_required
def claim(request, claim_id):
    """The person is asked whether an outcome the measures show is right for them."""
    found = selectors.claim_get(actor=request.actor, claim_id=claim_id)
    for_someone = found.person.user_id != request.user.pk
    form = AnswerForm(request.POST or None, for_someone=for_someone, name=found.person.called)
    if done := form_posted(
        request,
        form,
        act=lambda d: services.claim_answer(
            actor=request.actor,
            claim=found,
            confirmed=d["answer"] == "yes",
            in_their_words=d["in_their_words"],
            how_shown=d.get("how_shown", ""),
        ),  # fmt: skip
        said="Thank you. Your answer is recorded.",
        then=reverse("home:home"),
    ):
        return done
    return render(
        request,
        "accountability/outcomes/claim.jinja",
        {
            "claim": found,
            "form": form,
            "words": presenters.claim_words(found, for_someone=for_someone),
            "for_someone": for_someone,
        },
    )
