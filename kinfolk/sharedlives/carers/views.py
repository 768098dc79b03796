"""Pages for the scheme's carer households: the list, a household's record, and what a scheme
worker records there (application steps, panel, training, annual checks)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.accounts.services import client_address
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import acted, acted_on, form_posted
from kinfolk.core.tenancy import within_area

from .. import policy
from ..arrangements import services as endings
from ..arrangements.selectors import (
    active_arrangements_for_carer,
    arrangements_for_carer,
    carer_statement,
    statement_months,
)
from ..forms import (
    PROFILE_GROUPS,
    ApplicationCheckForm,
    ApprovalReviewForm,
    CarerApplyForm,
    CarerEnquiryForm,
    CarerInviteForm,
    CheckDoneForm,
    HouseholdPhotoForm,
    HouseholdProfileForm,
    LeavingForm,
    PanelDateForm,
    PanelForm,
    ReturnChangeForm,
    TrainingForm,
)
from ..introductions.selectors import introductions_for_carer
from ..models import CarerStatus
from . import selectors, services
from .presenters import (
    CarerPresenter,
    HouseholdProfilePresenter,
    LeavingPage,
    StatementPresenter,
    documents,
)


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
    profile = HouseholdProfilePresenter(
        carer=carer,
        waiting=selectors.pending_change(carer=carer),
        returned=selectors.last_returned_change(carer=carer),
    )
    return render(
        request,
        "sharedlives/carer.jinja",
        {
            "page": page,
            "profile": profile,
            "check_form": ApplicationCheckForm(),
            "panel_form": _panel_form(carer),
            "panel_date_form": PanelDateForm(),
            "training_form": TrainingForm(),
            "done_form": CheckDoneForm(),
            "invite_form": CarerInviteForm(
                initial={"email": carer.user.email if carer.user_id else carer.contact_email}
            ),
            "return_form": ReturnChangeForm(),
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


# --- the carer's own record -----------------------------------------------------------------


def _invite_link(request):
    def link_for(uidb64, token):
        path = reverse("accounts:password_reset_confirm", args=[uidb64, token])
        return request.build_absolute_uri(path)

    return link_for


@login_required
@require_POST
def carer_invite(request, carer_id):
    """The scheme invites the household's carer to sign in and keep their own record."""
    carer = _scheme_workers_household(request, carer_id)
    return acted_on(
        request,
        CarerInviteForm(request.POST),
        act=lambda data: services.carer_invite(
            actor=request.actor, carer=carer, link_for=_invite_link(request), **data
        ),
        said="The carer has been emailed a link to choose their password and sign in.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
        invalid=_check_the_form,
    )


def carer_apply(request, area_slug):
    """Anyone can apply online to become a Shared Lives carer in an area (no sign-in)."""
    area = selectors.area_for_applying(slug=area_slug)
    form = CarerApplyForm(request.POST or None)

    def apply(data):
        with within_area(area):
            return services.carer_apply(area=area, from_address=client_address(request), **data)

    if done := form_posted(
        request,
        form,
        act=apply,
        said=None,
        then=reverse("sharedlives:carer_applied", args=[area.slug]),
    ):
        return done
    return render(request, "sharedlives/carer_apply.jinja", {"form": form, "area": area})


def carer_applied(request, area_slug):
    """What happens next, after applying."""
    area = selectors.area_for_applying(slug=area_slug)
    return render(request, "sharedlives/carer_applied.jinja", {"area": area})


@login_required
@require_POST
def household_change_accept(request, carer_id, change_id):
    """A scheme worker accepts the household's changes: matching uses them now."""
    carer = _scheme_workers_household(request, carer_id)
    change = selectors.change_get(carer=carer, change_id=change_id)
    return acted(
        request,
        act=lambda: services.household_change_accept(actor=request.actor, change=change),
        said="The changes are accepted. Matching uses them from now on.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
    )


@login_required
@require_POST
def household_change_return(request, carer_id, change_id):
    """A scheme worker sends the household's changes back with a reason."""
    carer = _scheme_workers_household(request, carer_id)
    change = selectors.change_get(carer=carer, change_id=change_id)
    return acted_on(
        request,
        ReturnChangeForm(request.POST),
        act=lambda data: services.household_change_return(
            actor=request.actor, change=change, **data
        ),
        said="The changes have gone back to the carer with your reason.",
        back=reverse("sharedlives:carer", args=[carer.pk]),
        invalid="Say why the changes are going back to the carer.",
    )


@login_required
def my_household(request):
    """The carer's own pages: their household, training, checks, papers and payments."""
    require(request.actor, "sharedlives.see_my_household")
    if selectors.carer_for_actor(actor=request.actor) is None:
        return render(request, "sharedlives/my_household_none.jinja")
    carer = selectors.my_household(actor=request.actor)
    record = selectors.carer_record(carer=carer)
    return render(
        request,
        "sharedlives/my_household.jinja",
        {
            "page": CarerPresenter.of(record, runs_the_scheme=False),
            "profile": HouseholdProfilePresenter(
                carer=carer,
                waiting=selectors.pending_change(carer=carer),
                returned=selectors.last_returned_change(carer=carer),
            ),
            "documents": documents(arrangements_for_carer(carer=carer)),
            "months": statement_months(carer=carer),
        },
    )


@login_required
def my_household_profile(request):
    """The carer keeps their household's profile, in groups of questions."""
    require(request.actor, "sharedlives.see_my_household")
    carer = selectors.my_household(actor=request.actor)
    profile = HouseholdProfilePresenter(carer=carer, waiting=selectors.pending_change(carer=carer))
    form = HouseholdProfileForm(
        request.POST or None, initial=HouseholdProfileForm.initial_from(profile.answers)
    )

    def said(outcome) -> str:
        if outcome["waiting"]:
            return (
                "Saved. Some changes will be checked by your Shared Lives scheme before they "
                "are used to suggest matches."
            )
        return "Your household's profile has been saved."

    if done := form_posted(
        request,
        form,
        act=lambda data: services.household_profile_save(
            actor=request.actor, carer=carer, wanted=form.wanted()
        ),
        said=said,
        then=reverse("sharedlives:my_household"),
    ):
        return done
    return render(
        request,
        "sharedlives/my_household_profile.jinja",
        {
            "form": form,
            "groups": PROFILE_GROUPS,
            "profile": profile,
            "checked": policy.CHECKED_BY_THE_SCHEME,
        },
    )


@login_required
def my_statement(request):
    """The carer's payment statement for a month, from the scheme's payment schedule."""
    require(request.actor, "sharedlives.see_my_household")
    carer = selectors.my_household(actor=request.actor)
    month = policy.month_from(request.GET.get("month"))
    statement = StatementPresenter(
        carer=carer, month=month, lines=carer_statement(carer=carer, month=month)
    )
    return render(request, "sharedlives/my_statement.jinja", {"statement": statement})


@login_required
def household_photos(request, carer_id):
    """The household's photos, for whoever may see them; the carer adds and removes them."""
    carer = selectors.carer_get(
        actor=request.actor,
        carer_id=carer_id,
        audit=False,
        permission="sharedlives.see_household_photos",
    )
    own = can(request.actor, "sharedlives.keep_household_profile", carer)
    if request.method == "POST" and not own:
        require(request.actor, "sharedlives.keep_household_profile", carer)
    form = HouseholdPhotoForm(request.POST or None, request.FILES or None)
    if own and (
        done := form_posted(
            request,
            form,
            act=lambda data: services.household_photo_add(actor=request.actor, carer=carer, **data),
            said="The photo has been added.",
            then=reverse("sharedlives:household_photos", args=[carer.pk]),
        )
    ):
        return done
    photos = selectors.household_photos(actor=request.actor, carer=carer)
    return render(
        request,
        "sharedlives/household_photos.jinja",
        {"carer": carer, "photos": photos, "own": own, "form": form},
    )


@login_required
def household_photo(request, carer_id, photo_id):
    """One photo's bytes, only for whoever may see the household's photos; never cached."""
    carer = selectors.carer_get(
        actor=request.actor,
        carer_id=carer_id,
        audit=False,
        permission="sharedlives.see_household_photos",
    )
    photo = selectors.household_photo_get(actor=request.actor, carer=carer, photo_id=photo_id)
    response = HttpResponse(bytes(photo.image), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = f'inline; filename="household-photo-{photo.pk}.jpg"'
    return response


@login_required
@require_POST
def household_photo_remove(request, carer_id, photo_id):
    """The carer takes a photo down."""
    carer = selectors.carer_get(
        actor=request.actor,
        carer_id=carer_id,
        audit=False,
        permission="sharedlives.see_household_photos",
    )
    photo = selectors.household_photo_get(actor=request.actor, carer=carer, photo_id=photo_id)
    return acted(
        request,
        act=lambda: services.household_photo_remove(actor=request.actor, photo=photo),
        said="The photo has been removed.",
        back=reverse("sharedlives:household_photos", args=[carer.pk]),
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
