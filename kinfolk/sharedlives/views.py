"""Shared Lives pages: thin views over selectors, services and presenters."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kinfolk.core import csv_export, disclosure
from kinfolk.core.audit import audit_list_view
from kinfolk.core.forms import add_service_errors
from kinfolk.people import selectors as people_selectors

from . import payments, selectors, services
from .forms import (
    ApplicationCheckForm,
    ArrangementForm,
    AskForReviewForm,
    AssessmentForm,
    CarerEnquiryForm,
    CheckDoneForm,
    DeclineForm,
    EndForm,
    HomeFirstForm,
    PanelForm,
    PersonsChoiceForm,
    ReferralForm,
    ReviewForm,
    StageViewForm,
    TrainingForm,
    WhyNotForm,
)
from .presenters import (
    ArrangementPresenter,
    CarerPresenter,
    IntroductionPresenter,
    ReferralPresenter,
    carer_requests_page,
    matches_page,
)
from .rules import can_for_person, runs_the_scheme, sees_scheme_reports


def _must_run_scheme(request) -> None:
    if not runs_the_scheme(request.actor):
        raise PermissionDenied


# --- the scheme worker ----------------------------------------------------------------------


@login_required
def dashboard(request):
    """The scheme worker's day: who is waiting, introductions, reviews, training, places."""
    _must_run_scheme(request)
    board = selectors.scheme_dashboard(actor=request.actor)
    audit_list_view(
        actor=request.actor, target_type="shared_lives_dashboard",
        count=len(board.waiting) + len(board.my_introductions) + len(board.reviews_due)
        + len(board.reviews_overdue) + len(board.carers_flagged) + len(board.carers_with_places),
    )  # fmt: skip
    return render(request, "sharedlives/dashboard.jinja", {"board": board, "today": date.today()})


@login_required
def referral_create(request, person_id):
    person = people_selectors.person_get(
        actor=request.actor, person_id=person_id, rule="view_person"
    )
    if not can_for_person(request.actor, "manage_referral", person):
        raise PermissionDenied
    form = ReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = services.referral_create(
                actor=request.actor,
                person=person,
                source=data["source"],
                referrer_name=data["referrer_name"],
                received_on=data["received_on"],
                has_own_home=data["has_own_home"] == "yes",
                family_able_to_support=data["family_able_to_support"] == "yes",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The referral has been recorded.")
            return redirect("sharedlives:referral", referral.pk)
    return render(request, "sharedlives/referral_new.jinja", {"form": form, "person": person})


@login_required
def referral_detail(request, referral_id):
    """A referral: home first, the assessment, suggestions with reasons, introductions."""
    referral = selectors.referral_get(
        actor=request.actor, referral_id=referral_id, rule="manage_referral"
    )
    page = ReferralPresenter(referral=referral, actor=request.actor)
    found, problem = [], None
    try:
        found = services.suggestions(actor=request.actor, referral=referral)
    except ValidationError as error:
        problem = error.messages[0]
    carers = selectors.approved_carers(area=referral.area)
    why_not_form = WhyNotForm(request.GET or None, carers=carers)
    why_not = None
    if "carer" in request.GET and why_not_form.is_valid():
        carer = next(c for c in carers if str(c.pk) == why_not_form.cleaned_data["carer"])
        why_not = (
            carer,
            services.why_not_suggested(actor=request.actor, referral=referral, carer=carer),
        )
    return render(
        request,
        "sharedlives/referral.jinja",
        {
            "page": page,
            "suggestions": found,
            "problem": problem,
            "home_first_form": HomeFirstForm(
                initial={
                    "has_own_home": _yes_no(referral.has_own_home),
                    "family_able_to_support": _yes_no(referral.family_able_to_support),
                }
            ),
            "choice_form": PersonsChoiceForm(initial={"words": referral.persons_choice}),
            "why_not_form": why_not_form,
            "why_not": why_not,
            "introductions": selectors.introductions_for_referral(referral=referral),
        },
    )


def _yes_no(value):
    return None if value is None else ("yes" if value else "no")


@login_required
@require_POST
def home_first(request, referral_id):
    referral = selectors.referral_get(
        actor=request.actor, referral_id=referral_id, rule="manage_referral", audit=False
    )
    if "words" in request.POST:
        form = PersonsChoiceForm(request.POST)
        if form.is_valid():
            try:
                services.persons_choice_record(
                    actor=request.actor, referral=referral, words=form.cleaned_data["words"]
                )
            except ValidationError as error:
                messages.error(request, error.messages[0])
            else:
                messages.success(request, f"{referral.person.called}'s choice has been recorded.")
        else:
            messages.error(request, "Write the person's choice in their words.")
    else:
        form = HomeFirstForm(request.POST)
        if form.is_valid():
            services.home_first_answer(
                actor=request.actor,
                referral=referral,
                has_own_home=form.cleaned_data["has_own_home"] == "yes",
                family_able_to_support=form.cleaned_data["family_able_to_support"] == "yes",
            )
            messages.success(request, "Saved.")
        else:
            messages.error(request, "Answer both questions.")
    return redirect("sharedlives:referral", referral.pk)


@login_required
def assessment(request, referral_id):
    referral = selectors.referral_get(
        actor=request.actor, referral_id=referral_id, rule="manage_referral"
    )
    place = (referral.places_that_matter or [{}])[0]
    initial = {name: getattr(referral, name) for name in services.ASSESSMENT_FIELDS}
    initial.update(
        interests=", ".join(referral.interests),
        languages=", ".join(referral.languages),
        place_name=place.get("name", ""),
        place_postcode=place.get("postcode", ""),
        place_max_minutes=place.get("max_minutes"),
    )
    form = AssessmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_record(
                actor=request.actor, referral=referral, changes=form.changes()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The assessment has been saved.")
            return redirect("sharedlives:referral", referral.pk)
    return render(request, "sharedlives/assessment.jinja", {"form": form, "referral": referral})


@login_required
def easy_read(request, referral_id):
    """The person's profile in plain words, for them and the households they meet."""
    referral = selectors.referral_get(actor=request.actor, referral_id=referral_id)
    return render(
        request,
        "sharedlives/easy_read.jinja",
        {"page": ReferralPresenter(referral=referral, actor=request.actor)},
    )


# --- the person: my matches -----------------------------------------------------------------


@login_required
def my_matches(request, person_id):
    """Every suitable household, in plain words; the person says who they would like to meet."""
    person = people_selectors.person_get(actor=request.actor, person_id=person_id)
    if not can_for_person(request.actor, "decide_for_person", person):
        raise PermissionDenied
    return render(
        request, "sharedlives/my_matches.jinja", {"page": matches_page(request.actor, person)}
    )


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
        if request.actor.acts_as("shared_lives_carer"):
            return redirect("sharedlives:carer_requests")
        return redirect("sharedlives:my_matches", referral.person_id)
    if introduction.stage == "interest":
        messages.success(request, "You said yes to meeting. We are waiting for the other side.")
    else:
        messages.success(request, "You both said yes: your introduction meeting can be planned.")
    return redirect("sharedlives:introduction", introduction.pk)


# --- the carer: introduction requests -------------------------------------------------------


@login_required
def carer_requests(request):
    """Requests to meet, people who might like to meet us, introductions and arrangements."""
    carer = selectors.carer_for_actor(actor=request.actor)
    if carer is None or not request.actor.acts_as("shared_lives_carer"):
        raise PermissionDenied
    page = carer_requests_page(request.actor, carer)
    audit_list_view(
        actor=request.actor, target_type="introduction_requests",
        count=len(page.asking_us) + len(page.might_like) + len(page.introductions),
    )  # fmt: skip
    return render(request, "sharedlives/carer_requests.jinja", {"page": page})


# --- introductions --------------------------------------------------------------------------


@login_required
def introduction_detail(request, introduction_id):
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    page = IntroductionPresenter(introduction=introduction, actor=request.actor)
    return render(
        request,
        "sharedlives/introduction.jinja",
        {
            "page": page,
            "view_form": StageViewForm(initial={"side": page.own_side}),
            "decline_form": DeclineForm(),
        },
    )


def _introduction_action(request, introduction_id, action, success: str):
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    try:
        action(introduction)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, success)
    return redirect("sharedlives:introduction", introduction.pk)


@login_required
@require_POST
def introduction_view(request, introduction_id):
    form = StageViewForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say whose view it is and whether they want to carry on.")
        return redirect("sharedlives:introduction", introduction_id)
    data = form.cleaned_data
    return _introduction_action(
        request,
        introduction_id,
        lambda i: services.stage_view_record(
            actor=request.actor,
            introduction=i,
            side=data["side"],
            carry_on=data["carry_on"] == "yes",
            view=data["view"],
            happened_on=data["happened_on"],
        ),
        "Their view has been recorded.",
    )


@login_required
@require_POST
def introduction_decline(request, introduction_id):
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _introduction_action(
        request,
        introduction_id,
        lambda i: services.introduction_decline(actor=request.actor, introduction=i, reason=reason),
        "The introduction has ended. Nothing counts against anyone for saying no.",
    )


@login_required
@require_POST
def introduction_agree(request, introduction_id):
    return _introduction_action(
        request,
        introduction_id,
        lambda i: services.arrangement_agree(actor=request.actor, introduction=i),
        "Your agreement has been recorded.",
    )


@login_required
def arrangement_create(request, introduction_id):
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    if not can_for_person(request.actor, "manage_referral", introduction.person):
        raise PermissionDenied
    form = ArrangementForm(request.POST or None, initial={"starts_on": date.today(), "band": 1})
    if request.method == "POST" and form.is_valid():
        try:
            arrangement = services.arrangement_start(
                actor=request.actor, introduction=introduction, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The arrangement has started.")
            return redirect("sharedlives:arrangement", arrangement.pk)
    return render(
        request,
        "sharedlives/arrangement_new.jinja",
        {"form": form, "introduction": introduction},
    )


# --- arrangements ---------------------------------------------------------------------------


@login_required
def arrangement_detail(request, arrangement_id):
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    return render(
        request,
        "sharedlives/arrangement.jinja",
        {
            "page": ArrangementPresenter(arrangement=arrangement, actor=request.actor),
            "review_form": ReviewForm(),
            "ask_form": AskForReviewForm(),
            "end_form": EndForm(),
        },
    )


@login_required
@require_POST
def review_record(request, arrangement_id, review_id):
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    review = selectors.review_get(arrangement=arrangement, review_id=review_id)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_record(actor=request.actor, review=review, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, f"The {review.get_kind_display().lower()} is recorded.")
    else:
        messages.error(request, "Enter the date and what was talked about.")
    return redirect("sharedlives:arrangement", arrangement.pk)


@login_required
@require_POST
def ask_for_review(request, arrangement_id):
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    form = AskForReviewForm(request.POST)
    form.is_valid()
    services.review_request(
        actor=request.actor, arrangement=arrangement, reason=form.cleaned_data.get("reason", "")
    )
    messages.success(request, "You have asked for a review. The scheme will be in touch.")
    return redirect("sharedlives:arrangement", arrangement.pk)


@login_required
def arrangement_end(request, arrangement_id):
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.arrangement_end(
                actor=request.actor,
                arrangement=arrangement,
                reason=data["reason"],
                next_step=data["next_step"],
                ended_on=data["ended_on"],
                side=data["side"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "The arrangement has ended.")
            return redirect("sharedlives:arrangement", arrangement.pk)
    return render(
        request,
        "sharedlives/arrangement_end.jinja",
        {"form": form, "page": ArrangementPresenter(arrangement=arrangement, actor=request.actor)},
    )


# --- carers ---------------------------------------------------------------------------------


@login_required
def carers(request):
    _must_run_scheme(request)
    households = selectors.carers_list(actor=request.actor)
    flags = selectors.flags_for_carers(carers=households)
    form = CarerEnquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            carer = services.carer_enquiry(actor=request.actor, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"{carer.name}'s enquiry has been recorded.")
            return redirect("sharedlives:carer", carer.pk)
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
    carer = selectors.carer_get(actor=request.actor, carer_id=carer_id)
    return render(
        request,
        "sharedlives/carer.jinja",
        {
            "page": CarerPresenter(carer=carer, actor=request.actor),
            "check_form": ApplicationCheckForm(),
            "panel_form": PanelForm(),
            "training_form": TrainingForm(),
            "done_form": CheckDoneForm(),
        },
    )


def _carer_action(request, carer_id, form_class, action, success):
    carer = selectors.carer_get(actor=request.actor, carer_id=carer_id, audit=False)
    if not runs_the_scheme(request.actor, carer):
        raise PermissionDenied
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(carer, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, success)
    else:
        messages.error(
            request,
            "Check the form: "
            + "; ".join(
                f"{form.fields[n].label if n in form.fields else ''} {' '.join(e)}".strip()
                for n, e in form.errors.items()
            ),
        )
    return redirect("sharedlives:carer", carer.pk)


@login_required
@require_POST
def carer_check(request, carer_id):
    return _carer_action(
        request,
        carer_id,
        ApplicationCheckForm,
        lambda c, d: services.application_check_record(actor=request.actor, carer=c, **d),
        "The step has been recorded.",
    )


@login_required
@require_POST
def carer_panel(request, carer_id):
    return _carer_action(
        request,
        carer_id,
        PanelForm,
        lambda c, d: services.panel_decision_record(actor=request.actor, carer=c, **d),
        "The panel's decision has been recorded.",
    )


@login_required
@require_POST
def carer_training(request, carer_id):
    return _carer_action(
        request,
        carer_id,
        TrainingForm,
        lambda c, d: services.training_record(actor=request.actor, carer=c, **d),
        "The training has been recorded.",
    )


@login_required
@require_POST
def carer_check_done(request, carer_id, check_id):
    return _carer_action(
        request,
        carer_id,
        CheckDoneForm,
        lambda c, d: services.carer_check_done(
            actor=request.actor, check=selectors.carer_check_get(carer=c, check_id=check_id), **d
        ),
        "Recorded. The next one is due in a year.",
    )


# --- reports and payments -------------------------------------------------------------------


@login_required
def reports(request):
    """The scheme's figures under the disclosure rule; the CSV holds the same lines."""
    if not sees_scheme_reports(request.actor):
        raise PermissionDenied
    lines = selectors.scheme_report(area=request.actor.area)
    if request.GET.get("format") == "csv":
        services.scheme_report_exported(actor=request.actor, lines=len(lines))
        return csv_export.csv_download(
            "shared-lives-scheme.csv", disclosure.CSV_HEADER, disclosure.csv_rows(lines)
        )
    return render(
        request,
        "sharedlives/reports.jinja",
        {"sections": disclosure.sections(lines), "explanation": disclosure.EXPLANATION},
    )


@login_required
def payment_schedule(request):
    _must_run_scheme(request)
    month = payments.month_from(request.GET.get("month"))
    rows = payments.monthly_schedule(area=request.actor.area, month=month)
    if request.GET.get("format") == "csv":
        services.payments_exported(actor=request.actor, month=month, rows=len(rows))
        return csv_export.csv_download(
            f"shared-lives-payments-{month:%Y-%m}.csv", payments.CSV_HEADER, payments.csv_rows(rows)
        )
    audit_list_view(actor=request.actor, target_type="shared_lives_payments", count=len(rows))
    return render(
        request,
        "sharedlives/payments.jinja",
        {"rows": rows, "month": month, "total": sum(r.amount_pence for r in rows)},
    )
