"""Family carers' pages: the carer's list and plans, the card, back-up contacts' answers, the
responder's page, and carers' assessment requests. Thin: selectors, services, presenters."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.forms import add_service_errors
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import acted, acted_on, form_posted

from . import presenters, selectors, services
from .card_pdf import card_pdf
from .forms import (
    AnswerForm,
    AssessmentForm,
    CallForm,
    CardNumberForm,
    CaredForForm,
    ContactForm,
    EmergencySettingsForm,
    LinkForm,
    NewAccountForm,
    PlanForm,
    StatusForm,
)

MANAGE = "family_carers.manage_cared_for"


def _plan_url(cared_for) -> str:
    return reverse("family_carers:plan", args=[cared_for.pk])


@login_required
def mine(request):
    """My caring: the people I care for, my check-in, my assessment request."""
    actor = request.actor
    require(actor, "family_carers.keep_a_plan", message="This page is for family carers.")
    me = selectors.own_person_record(actor=actor)
    return render(
        request,
        "family_carers/mine.jinja",
        {
            "cared_for": selectors.my_cared_for(actor=actor),
            "me": me,
            "requests": selectors.my_assessment_requests(actor=actor),
        },
    )


@login_required
def add(request):
    """Add someone I care for, known only in my plan."""
    form = CaredForForm(request.POST or None)
    require(request.actor, "family_carers.keep_a_plan", message="This page is for family carers.")
    if done := form_posted(
        request,
        form,
        act=lambda data: services.cared_for_add(actor=request.actor, **data),
        said=lambda row: f"{row.name} is on your list. Now write their emergency plan.",
        then=lambda row: reverse("family_carers:edit", args=[row.pk]),
    ):
        return done
    return render(request, "family_carers/add.jinja", {"form": form, "linking": False})


@login_required
def link(request):
    """Ask to link someone I care for who has a Kinfolk record (they must agree)."""
    form = LinkForm(request.POST or None)
    require(request.actor, "family_carers.keep_a_plan", message="This page is for family carers.")
    if done := form_posted(
        request,
        form,
        act=lambda data: services.cared_for_ask_to_link(actor=request.actor, **data),
        said=lambda row: (
            f"We have asked {row.name}. Until they agree, your plan for them is "
            "yours alone and you see nothing of their record."
        ),
        then=lambda row: reverse("family_carers:edit", args=[row.pk]),
    ):
        return done
    return render(request, "family_carers/add.jinja", {"form": form, "linking": True})


def _plan_page(actor, cared_for) -> presenters.PlanPage:
    plan = cared_for.plan
    return presenters.PlanPage(
        cared_for=cared_for,
        contacts=presenters.contact_lines(selectors.contacts_for(plan=plan)),
        card=selectors.live_card(plan=plan),
        openings=presenters.opening_lines(selectors.openings_for(plan=plan)),
        may_change=can(actor, MANAGE, cared_for),
        may_raise_concern=bool(cared_for.linked)
        and can(actor, "family_carers.raise_concern", cared_for.person),
    )


@login_required
def plan(request, cared_for_id):
    """The emergency plan, its back-up contacts, its card, and every use of the card."""
    cared_for = selectors.cared_for_get(actor=request.actor, cared_for_id=cared_for_id)
    return render(
        request,
        "family_carers/plan.jinja",
        {
            "page": _plan_page(request.actor, cared_for),
            "contact_form": ContactForm(),
            "settings": selectors.emergency_settings(area=cared_for.area),
        },
    )


@login_required
def print_plan(request, cared_for_id):
    """The plan on one printable page."""
    cared_for = selectors.cared_for_get(actor=request.actor, cared_for_id=cared_for_id)
    return render(
        request,
        "family_carers/print.jinja",
        {
            "page": _plan_page(request.actor, cared_for),
            "settings": selectors.emergency_settings(area=cared_for.area),
        },
    )


@login_required
def edit(request, cared_for_id):
    """Write or change the emergency plan."""
    actor = request.actor
    cared_for = selectors.cared_for_get(actor=actor, cared_for_id=cared_for_id, permission=MANAGE)
    initial = {"what_i_do": cared_for.what_i_do, "what_would_help": cared_for.what_would_help}
    form = PlanForm(request.POST or None, instance=cared_for.plan, initial=initial)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.plan_save(actor=actor, cared_for=cared_for, **data),
        said="Your emergency plan is saved.",
        then=_plan_url(cared_for),
    ):
        return done
    return render(request, "family_carers/edit.jinja", {"form": form, "cared_for": cared_for})


@login_required
@require_POST
def contact_add(request, cared_for_id):
    """Name a back-up contact; they are asked by a one-time link."""
    actor = request.actor
    cared_for = selectors.cared_for_get(actor=actor, cared_for_id=cared_for_id, permission=MANAGE)
    form = ContactForm(request.POST)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.contact_add(actor=actor, cared_for=cared_for, **data)[0],
        said=lambda c: f"We have asked {c.name}. They are not confirmed until they say yes.",
        then=_plan_url(cared_for),
    ):
        return done
    return render(
        request,
        "family_carers/plan.jinja",
        {
            "page": _plan_page(actor, cared_for),
            "contact_form": form,
            "settings": selectors.emergency_settings(area=cared_for.area),
        },
    )


@login_required
def contact_remove(request, contact_id):
    """Take a back-up contact off the plan, after a page that says what will happen."""
    contact = selectors.contact_get(actor=request.actor, contact_id=contact_id)
    back = _plan_url(contact.plan.cared_for)
    if request.method != "POST":
        return render(
            request,
            "family_carers/contact_remove.jinja",
            {
                "contact": contact,
                "others": selectors.contacts_after_removing(contact),
                "back": back,
            },
        )
    return acted(
        request,
        act=lambda: services.contact_remove(actor=request.actor, contact=contact),
        said=f"{contact.name} is no longer a back-up contact.",
        back=back,
    )


@login_required
@require_POST
def contact_up(request, contact_id):
    """Call this back-up contact one place earlier."""
    contact = selectors.contact_get(actor=request.actor, contact_id=contact_id)
    back = _plan_url(contact.plan.cared_for)
    return acted(
        request,
        act=lambda: services.contact_move_up(actor=request.actor, contact=contact),
        said=f"{contact.name} will be called earlier.",
        back=back,
    )


@login_required
@require_POST
def card_issue(request, cared_for_id):
    """Get a card (a new one cancels the one before)."""
    actor = request.actor
    cared_for = selectors.cared_for_get(actor=actor, cared_for_id=cared_for_id, permission=MANAGE)
    return acted(
        request,
        act=lambda: services.card_issue(actor=actor, cared_for=cared_for),
        said="Your emergency card is ready. Download it, print it and keep it with you.",
        back=_plan_url(cared_for),
    )


@login_required
@require_POST
def card_cancel(request, cared_for_id):
    """Cancel the card: its number opens nothing from now on."""
    actor = request.actor
    cared_for = selectors.cared_for_get(actor=actor, cared_for_id=cared_for_id, permission=MANAGE)
    card = selectors.live_card(plan=cared_for.plan)
    if card is None:
        return redirect(_plan_url(cared_for))
    return acted(
        request,
        act=lambda: services.card_cancel(actor=actor, card=card),
        said="Your card is cancelled. Its number no longer opens your plan.",
        back=_plan_url(cared_for),
    )


@login_required
def card_download(request, cared_for_id):
    """The wallet card as a PDF."""
    actor = request.actor
    cared_for = selectors.cared_for_get(actor=actor, cared_for_id=cared_for_id, permission=MANAGE)
    card = selectors.live_card(plan=cared_for.plan)
    if card is None:
        messages.error(request, "You have no card yet. Get one first.")
        return redirect(_plan_url(cared_for))
    found = selectors.emergency_settings(area=cared_for.area)
    pdf = card_pdf(
        carer_name=cared_for.carer.display_name,
        number=card.grouped,
        twenty_four_hour_number=found.twenty_four_hour_number if found else "",
        team_name=found.team_name if found else "carers emergency response team",
        card_url=settings.KINFOLK_SITE_URL.rstrip("/") + reverse("family_carers:card"),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="emergency-card.pdf"'
    return response


@login_required
def answer(request, cared_for_id):
    """The cared-for person (or whoever acts for them) says whether the carer may link."""
    actor = request.actor
    cared_for = selectors.answer_get(actor=actor, cared_for_id=cared_for_id)
    form = AnswerForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.carer_answer(
            actor=actor, cared_for=cared_for, agree=data["answer"] == "yes"
        ),
        said=lambda row: "Thank you. We have told them your answer.",
        then="/",
    ):
        return done
    return render(request, "family_carers/answer.jinja", {"form": form, "cared_for": cared_for})


def contact_answer(request, token):
    """A back-up contact's one-time link: sign in (or make an account), then say yes or no."""
    contact = services.contact_by_link(token)
    if contact is None:
        return render(request, "family_carers/link_used.jinja", status=404)
    if not request.user.is_authenticated:
        return _new_account(request, token, contact)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            answered = services.contact_answer(
                user=request.user, token=token, agree=form.cleaned_data["answer"] == "yes"
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                "Thank you. We have told them your answer."
                if not answered.confirmed
                else f"Thank you. You are a confirmed back-up "
                f"contact for {answered.plan.cared_for.carer.display_name}.",
            )
            return redirect("/")
    return render(
        request,
        "family_carers/contact_answer.jinja",
        {
            "form": form,
            "contact": contact,
            "carer": contact.plan.cared_for.carer.display_name,
        },
    )


def _new_account(request, token, contact):
    form = NewAccountForm(request.POST or None)
    here = reverse("family_carers:contact_answer", args=[token])
    if done := form_posted(
        request,
        form,
        act=lambda data: services.account_for_contact(token=token, **data),
        said="Your account is made. Sign in to give your answer.",
        then=f"{reverse('accounts:login')}?next={here}",
    ):
        return done
    return render(
        request,
        "family_carers/contact_sign_in.jinja",
        {
            "form": form,
            "contact": contact,
            "carer": contact.plan.cared_for.carer.display_name,
            "sign_in": f"{reverse('accounts:login')}?next={here}",
        },
    )


@login_required
def card(request):
    """The responder's page: one field for the card number."""
    actor = request.actor
    require(actor, "family_carers.try_a_card")
    form = CardNumberForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.card_try(actor=actor, number=data["number"]),
        said=None,
        then=lambda opening: reverse("family_carers:opened", args=[opening.pk]),
    ):
        return done
    return render(
        request,
        "family_carers/card.jinja",
        {
            "form": form,
            "open": selectors.my_openings(actor=actor),
            "settings": selectors.emergency_settings(area=actor.area),
        },
    )


@login_required
def opened(request, opening_id):
    """A plan opened with its card: what a responder needs, in the order they need it."""
    actor = request.actor
    try:
        opening = selectors.opening_get(actor=actor, opening_id=opening_id)
    except selectors.OpeningEnded as ended:
        return render(
            request,
            "family_carers/opening_ended.jinja",
            {"ended_at": presenters.ended_at(ended.opening)},
            status=403,
        )
    plan = opening.card.plan
    page = presenters.OpenedPlan(
        opening=opening,
        contacts=presenters.contact_lines(selectors.contacts_for(plan=plan), confirmed_only=True),
        calls=[presenters.call_line(c) for c in opening.calls.select_related("contact")],
    )
    return render(request, "family_carers/opened.jinja", {"page": page, "form": CallForm()})


@login_required
@require_POST
def call(request, opening_id):
    """Record a call to a back-up contact and what they said."""
    actor = request.actor
    try:
        opening = selectors.opening_get(actor=actor, opening_id=opening_id)
    except selectors.OpeningEnded as ended:
        return render(
            request,
            "family_carers/opening_ended.jinja",
            {"ended_at": presenters.ended_at(ended.opening)},
            status=403,
        )
    contacts = {c.pk: c for c in selectors.contacts_for(plan=opening.card.plan)}
    back = reverse("family_carers:opened", args=[opening.pk])
    form = CallForm(request.POST)
    return acted_on(
        request,
        form,
        act=lambda data: services.call_record(
            actor=actor,
            opening=opening,
            contact=contacts.get(data["contact"]) or _missing(),
            answer=data["answer"],
        ),
        said=lambda c: presenters.call_line(c) + ".",
        back=back,
        invalid="Choose what they said.",
    )


def _missing():
    raise ValidationError("That person is not a back-up contact in this plan.")


@login_required
def assessment(request):
    """Ask the council for a carer's assessment, and see how my requests are going."""
    actor = request.actor
    require(actor, "family_carers.keep_a_plan", message="This page is for family carers.")
    form = AssessmentForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.assessment_request(actor=actor, **data),
        said="Your request is sent. Someone from the council will contact you.",
        then=reverse("family_carers:assessment"),
    ):
        return done
    return render(
        request,
        "family_carers/assessment.jinja",
        {
            "form": form,
            "requests": selectors.my_assessment_requests(actor=actor),
        },
    )


@login_required
def assessment_requests(request):
    """The area's carers' assessment requests, for its workers."""
    actor = request.actor
    require(actor, "family_carers.see_assessment_requests")
    return render(
        request,
        "family_carers/assessment_requests.jinja",
        {
            "requests": selectors.assessment_requests(actor=actor),
            "form": StatusForm(),
        },
    )


@login_required
@require_POST
def assessment_status(request, request_id):
    """Move a carer's assessment request on."""
    actor = request.actor
    found = selectors.assessment_request_get(actor=actor, request_id=request_id)
    return acted_on(
        request,
        StatusForm(request.POST),
        act=lambda data: services.assessment_status_set(
            actor=actor, request=found, status=data["status"]
        ),
        said=lambda r: f"Status changed to: {r.get_status_display().lower()}. The carer is told.",
        back=reverse("family_carers:assessment_requests"),
        invalid="Choose a status.",
    )


@login_required
def emergency_number(request):
    """The area admin sets the emergency team's 24-hour number, printed on every card."""
    actor = request.actor
    require(actor, "family_carers.set_emergency_number")
    found = selectors.emergency_settings(area=actor.area)
    initial = (
        {"team_name": found.team_name, "twenty_four_hour_number": found.twenty_four_hour_number}
        if found
        else None
    )
    form = EmergencySettingsForm(request.POST or None, initial=initial)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.emergency_settings_save(actor=actor, **data),
        said="The 24-hour number is saved. New cards will carry it.",
        then=reverse("family_carers:emergency_number"),
    ):
        return done
    return render(request, "family_carers/emergency_number.jinja", {"form": form})
