"""Pages for introductions: a person's matches, a carer's requests, saying yes, the meetings,
saying no, and agreeing. Every step is the person's and the carer's own decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.permissions import can, require
from kinfolk.people import selectors as people_selectors

from ..carers.selectors import carer_for_actor
from ..forms import DeclineForm, StageViewForm
from ..posting import acted, acted_on
from ..rules import side_for
from . import selectors, services
from .presenters import IntroductionPresenter, carer_requests_page, matches_page


@login_required
def my_matches(request, person_id):
    """Every suitable household, in plain words; the person says who they would like to meet."""
    person = people_selectors.person_get(actor=request.actor, person_id=person_id)
    require(request.actor, "sharedlives.see_matches", person)
    page = matches_page(
        selectors.matches_for(actor=request.actor, person=person),
        own=can(request.actor, "sharedlives.choose_as_the_person", person),
        deciding=can(request.actor, "sharedlives.decide_for_person", person),
    )
    return render(request, "sharedlives/my_matches.jinja", {"page": page})


@login_required
@require_POST
def interest(request, referral_id):
    """Say yes to meeting a household (the person's side or the carer's side)."""
    referral = selectors.referral_for_interest(actor=request.actor, referral_id=referral_id)
    carer = selectors.carer_for_interest(actor=request.actor, carer_id=request.POST.get("carer"))
    try:
        introduction = services.interest_express(
            actor=request.actor, referral=referral, carer=carer
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        if can(request.actor, "sharedlives.answer_introduction_requests"):
            return redirect("sharedlives:carer_requests")
        return redirect("sharedlives:my_matches", referral.person_id)
    if introduction.stage == "interest":
        messages.success(request, "You said yes to meeting. We are waiting for the other side.")
    else:
        messages.success(request, "You both said yes: your introduction meeting can be planned.")
    return redirect("sharedlives:introduction", introduction.pk)


@login_required
def carer_requests(request):
    """Requests to meet, people who might like to meet us, introductions and arrangements."""
    require(request.actor, "sharedlives.answer_introduction_requests")
    carer = carer_for_actor(actor=request.actor)
    if carer is None:
        raise PermissionDenied
    page = carer_requests_page(selectors.carer_requests(actor=request.actor, carer=carer))
    return render(request, "sharedlives/carer_requests.jinja", {"page": page})


@login_required
def introduction_detail(request, introduction_id):
    """Where an introduction stands, what each side said, and what the reader can do next."""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    page = IntroductionPresenter(
        introduction=introduction,
        side=side_for(request.actor, introduction),
        views=selectors.stage_views(introduction=introduction),
    )
    return render(
        request,
        "sharedlives/introduction.jinja",
        {
            "page": page,
            "view_form": StageViewForm(initial={"side": page.own_side}),
            "decline_form": DeclineForm(),
        },
    )


def _back_to(introduction_id) -> str:
    return reverse("sharedlives:introduction", args=[introduction_id])


@login_required
@require_POST
def introduction_view(request, introduction_id):
    """A side's view after a meeting (recorded by the side, or by the worker for them)."""
    form = StageViewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say whose view it is and whether they want to carry on.")
        return redirect(_back_to(introduction_id))
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    return acted_on(
        request,
        form,
        act=lambda data: services.stage_view_record(
            actor=request.actor,
            introduction=introduction,
            side=data["side"],
            carry_on=data["carry_on"] == "yes",
            view=data["view"],
            happened_on=data["happened_on"],
        ),
        said="Their view has been recorded.",
        back=_back_to(introduction.pk),
        invalid="Say whose view it is and whether they want to carry on.",
    )


@login_required
@require_POST
def introduction_decline(request, introduction_id):
    """Either side says no, at any stage, with or without a reason."""
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    return acted(
        request,
        act=lambda: services.introduction_decline(
            actor=request.actor, introduction=introduction, reason=reason
        ),
        said="The introduction has ended. Nothing counts against anyone for saying no.",
        back=_back_to(introduction.pk),
    )


@login_required
@require_POST
def introduction_agree(request, introduction_id):
    """A side agrees to the arrangement, for themselves."""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    return acted(
        request,
        act=lambda: services.arrangement_agree(actor=request.actor, introduction=introduction),
        said="Your agreement has been recorded.",
        back=_back_to(introduction.pk),
    )
