"""Pages for the scheme's carer households: the list, a household's record, and what a scheme
worker records there (application steps, panel, training, annual checks)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted

from ..forms import (
    ApplicationCheckForm,
    CarerEnquiryForm,
    CheckDoneForm,
    PanelForm,
    TrainingForm,
)
from ..posting import acted_on
from . import selectors, services
from .presenters import CarerPresenter


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
    )
    return render(
        request,
        "sharedlives/carer.jinja",
        {
            "page": page,
            "check_form": ApplicationCheckForm(),
            "panel_form": PanelForm(),
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


@login_required
@require_POST
def carer_panel(request, carer_id):
    carer = _scheme_workers_household(request, carer_id)
    return acted_on(
        request,
        PanelForm(request.POST),
        act=lambda data: services.panel_decision_record(actor=request.actor, carer=carer, **data),
        said="The panel's decision has been recorded.",
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
