"""Pages for the scheme's carer households: the list, a household's record, and what a scheme
worker records there (application steps, panel, training, annual checks)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted

from ..arrangements import services as endings
from ..arrangements.selectors import active_arrangements_for_carer
from ..forms import (
    ApplicationCheckForm,
    ApprovalReviewForm,
    CarerEnquiryForm,
    CheckDoneForm,
    LeavingForm,
    PanelDateForm,
    PanelForm,
    TrainingForm,
)
from ..introductions.selectors import introductions_for_carer
from ..models import CarerStatus
from ..posting import acted_on
from . import selectors, services
from .presenters import CarerPresenter, LeavingPage


def _check_the_form(form) -> str:
    return "Check the form: " + "; ".join(
        f"{form.fields[n].label if n in form.fields else ''} {' '.join(e)}".strip()
        for n, e in form.errors.items()
    )


def _scheme_workers_household(request, carer_id):
    carer = selectors.carer_get(actor=request.actor, carer_id=carer_id, audit=False)
    require(request.actor, "sharedlives.run_scheme", carer)
    return carer


@login_required
def carers(request):
    """The scheme's households, what needs attention, and a new enquiry."""
    require(request.actor, "sharedlives.run_scheme")
    households = selectors.carers_list(actor=request.actor)
    flags = selectors.flags_for_carers(carers=households)
    form = CarerEnquiryForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.carer_enquiry(actor=request.actor, **data),
        said=lambda carer: f"{carer.name}'s enquiry has been recorded.",
        then=lambda carer: reverse("sharedlives:carer", args=[carer.pk]),
    ):
        return done
    return render(
        request,
        "sharedlives/carers.jinja",
        {
            "carers": [CarerPresenter(carer=c, flags=flags[c.pk]) for c in households],
            "form": form,
        },
    )


@login_required
def carer_detail(request, carer_id):
    """A household's record: approval, training, checks, application and panels."""
    carer = selectors.carer_get(actor=request.actor, carer_id=carer_id)
    page = CarerPresenter.of(
        selectors.carer_record(carer=carer),
        runs_the_scheme=can(request.actor, "sharedlives.run_scheme", carer),
        is_own=can(request.actor, "sharedlives.speak_as_the_carer", carer),
        arrangements=active_arrangements_for_carer(carer=carer),
    )
    return render(
        request,
        "sharedlives/carer.jinja",
        {
            "page": page,
            "check_form": ApplicationCheckForm(),
            "panel_form": _panel_form(carer),
            "panel_date_form": PanelDateForm(),
            "training_form": TrainingForm(),
            "done_form": CheckDoneForm(),
        },
    )


@login_required
@require_POST
def carer_check(request, carer_id):
    carer = _scheme_workers_household(request, carer_id)
    return acted_on(
        request,
        ApplicationCheckForm(request.POST),
        act=lambda data: services.application_check_record(
            actor=request.actor, carer=carer, **data
        ),
        said="The step has been recorded.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
        invalid=_check_the_form,
    )


def _panel_form(carer, data=None):
    """The first panel's form, or, for a household approved before, panel looking again."""
    if carer.status in (CarerStatus.APPROVED, CarerStatus.SUSPENDED):
        return ApprovalReviewForm(data)
    return PanelForm(data)


@login_required
@require_POST
def carer_panel(request, carer_id):
    """Panel's decision: the first one, or one about an approved household (continue, change
    its terms, suspend, lift a suspension)."""
    carer = _scheme_workers_household(request, carer_id)
    form = _panel_form(carer, request.POST)
    record = (
        services.approval_review_record
        if isinstance(form, ApprovalReviewForm)
        else services.panel_decision_record
    )
    return acted_on(
        request,
        form,
        act=lambda data: record(actor=request.actor, carer=carer, **data),
        said="The panel's decision has been recorded.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
        invalid=_check_the_form,
    )


@login_required
@require_POST
def carer_panel_date(request, carer_id):
    """The household's next panel date; the household is told."""
    carer = _scheme_workers_household(request, carer_id)
    return acted_on(
        request,
        PanelDateForm(request.POST),
        act=lambda data: services.panel_date_set(actor=request.actor, carer=carer, **data),
        said="The panel date has been recorded and the household told.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
        invalid=_check_the_form,
    )


@login_required
@require_POST
def carer_training(request, carer_id):
    carer = _scheme_workers_household(request, carer_id)
    return acted_on(
        request,
        TrainingForm(request.POST),
        act=lambda data: services.training_record(actor=request.actor, carer=carer, **data),
        said="The training has been recorded.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
        invalid=_check_the_form,
    )


@login_required
@require_POST
def carer_check_done(request, carer_id, check_id):
    carer = _scheme_workers_household(request, carer_id)
    return acted_on(
        request,
        CheckDoneForm(request.POST),
        act=lambda data: services.carer_check_done(
            actor=request.actor,
            check=selectors.carer_check_get(carer=carer, check_id=check_id),
            **data,
        ),
        said="Recorded. The next one is due in a year.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
        invalid=_check_the_form,
    )


@login_required
def carer_leave(request, carer_id):
    """A household stops being Shared Lives carers: first what happens to everyone living with
    or supported by them (each needs a next step), then a page confirming what will happen."""
    carer = selectors.carer_get(actor=request.actor, carer_id=carer_id)
    require(request.actor, "sharedlives.record_leaving", carer)
    arrangements = active_arrangements_for_carer(carer=carer)
    introductions = [i for i in introductions_for_carer(carer=carer) if i.is_open]
    form = LeavingForm(request.POST or None, arrangements=arrangements)
    page = LeavingPage(
        carer=carer,
        arrangements=arrangements,
        introductions=introductions,
        own=can(request.actor, "sharedlives.speak_as_the_carer", carer),
    )
    confirming = request.method == "POST" and request.POST.get("confirm") != "yes"
    if confirming and form.is_valid():
        return render(
            request, "sharedlives/carer_leave_confirm.jinja", {"form": form, "page": page}
        )
    if request.POST.get("confirm") == "yes" and (
        done := form_posted(
            request,
            form,
            act=lambda data: endings.household_leaves(
                actor=request.actor,
                carer=carer,
                in_their_words=data["in_their_words"],
                left_on=data["left_on"],
                next_steps=form.next_steps(),
            ),
            said=lambda c: f"{c.name} is no longer a Shared Lives carer household.",
            then=reverse("sharedlives:carer", args=[carer.pk]),
        )
    ):
        return done
    return render(request, "sharedlives/carer_leave.jinja", {"form": form, "page": page})
