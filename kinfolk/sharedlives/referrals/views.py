"""Pages for referrals: referring someone, the referral page with suggestions, home first, the
assessment, and the person's easy-read profile."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.permissions import can, require
from kinfolk.core.posting import acted_on, form_posted
from kinfolk.people import selectors as people_selectors

from ..carers.selectors import approved_carers
from ..forms import (
    SHOWN_HOW,
    AssessmentForm,
    HomeFirstForm,
    PersonsChoiceForm,
    ReferralForm,
    WhyNotForm,
)
from ..introductions.selectors import introductions_for_referral
from . import selectors, services
from .presenters import ReferralPresenter


def _referral_page(referral_id) -> str:
    return reverse("sharedlives:referral", args=[referral_id])


@login_required
def referral_create(request, person_id):
    """The person's allocated scheme worker refers them to Shared Lives."""
    person = people_selectors.person_get(
        actor=request.actor, person_id=person_id, rule="view_person"
    )
    require(request.actor, "sharedlives.manage_referral", person)
    form = ReferralForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.referral_create(
            actor=request.actor,
            person=person,
            source=data["source"],
            referrer_name=data["referrer_name"],
            received_on=data["received_on"],
            has_own_home=data["has_own_home"] == "yes",
            family_able_to_support=data["family_able_to_support"] == "yes",
        ),
        said="The referral has been recorded.",
        then=lambda referral: _referral_page(referral.pk),
    ):
        return done
    return render(request, "sharedlives/referral_new.jinja", {"form": form, "person": person})


@login_required
def referral_detail(request, referral_id):
    """A referral: home first, the assessment, suggestions with reasons, introductions."""
    referral = selectors.referral_get(actor=request.actor, referral_id=referral_id, to="manage")
    page = ReferralPresenter(referral=referral)
    found, problem = [], None
    try:
        found = selectors.suggestions(actor=request.actor, referral=referral)
    except ValidationError as error:
        problem = error.messages[0]
    carers = approved_carers(area=referral.area)
    why_not_form = WhyNotForm(request.GET or None, carers=carers)
    why_not = None
    if "carer" in request.GET and why_not_form.is_valid():
        carer = next(c for c in carers if str(c.pk) == why_not_form.cleaned_data["carer"])
        why_not = (
            carer,
            selectors.why_not_suggested(actor=request.actor, referral=referral, carer=carer),
        )
    return render(
        request,
        "sharedlives/referral.jinja",
        {
            "page": page,
            "suggestions": found,
            "problem": problem,
            "home_first_form": HomeFirstForm(initial=page.home_first_initial),
            "choice_form": PersonsChoiceForm(initial={"words": referral.persons_choice}),
            "why_not_form": why_not_form,
            "why_not": why_not,
            "introductions": introductions_for_referral(referral=referral),
            "shown_how_choices": SHOWN_HOW,
        },
    )


@login_required
@require_POST
def home_first(request, referral_id):
    """The worker records the home-first answers, or the person's choice in their words."""
    referral = selectors.referral_get(
        actor=request.actor, referral_id=referral_id, to="manage", audit=False
    )
    if "words" in request.POST:
        return acted_on(
            request,
            PersonsChoiceForm(request.POST),
            act=lambda data: services.persons_choice_record(
                actor=request.actor, referral=referral, words=data["words"]
            ),
            said=f"{referral.person.called}'s choice has been recorded.",
            back=_referral_page(referral.pk),
            invalid="Write the person's choice in their words.",
        )
    return acted_on(
        request,
        HomeFirstForm(request.POST),
        act=lambda data: services.home_first_answer(
            actor=request.actor,
            referral=referral,
            has_own_home=data["has_own_home"] == "yes",
            family_able_to_support=data["family_able_to_support"] == "yes",
        ),
        said="Saved.",
        back=_referral_page(referral.pk),
        invalid="Answer both questions.",
    )


@login_required
def assessment(request, referral_id):
    """The assessment visit: what the person needs, wants and enjoys."""
    referral = selectors.referral_get(actor=request.actor, referral_id=referral_id, to="manage")
    form = AssessmentForm(
        request.POST or None, initial=ReferralPresenter(referral=referral).assessment_initial
    )
    if done := form_posted(
        request,
        form,
        act=lambda data: services.assessment_record(
            actor=request.actor, referral=referral, changes=form.changes()
        ),
        said="The assessment has been saved.",
        then=_referral_page(referral.pk),
    ):
        return done
    return render(request, "sharedlives/assessment.jinja", {"form": form, "referral": referral})


@login_required
def easy_read(request, referral_id):
    """About me, in easy read: the person's profile in their own voice, with pictures."""
    referral = selectors.referral_get(actor=request.actor, referral_id=referral_id)
    usual = (
        _referral_page(referral.pk)
        if can(request.actor, "sharedlives.manage_referral", referral.person)
        else reverse("sharedlives:my_matches", args=[referral.person_id])
    )
    return render(
        request,
        "sharedlives/easy/about_me.jinja",
        {"page": ReferralPresenter(referral=referral), "usual_page": usual},
    )
