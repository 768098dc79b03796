"""Social prescribing pages: refer, the link worker's inbox and caseload, a referral, the
community organisation's requests, the referrer's outcomes, and reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kinfolk.accounts.models import Role
from kinfolk.core import csv_export, disclosure
from kinfolk.core.audit import audit_list_view, audit_record
from kinfolk.core.forms import add_service_errors
from kinfolk.core.lookups import uuid_or_404
from kinfolk.core.models import AuditAction
from kinfolk.directory.selectors import listed_services
from kinfolk.people.selectors import people_list_for_actor
from kinfolk.wellbeing.selectors import responses_for

from . import selectors, services
from .forms import (
    CloseForm,
    CommunityForm,
    ConversationForm,
    DecideForm,
    DeclineForm,
    GoalForm,
    ReferForm,
)
from .models import Reason
from .rules import sees_prescribing_reports


def _must(request, *roles):
    if not request.actor.acts_as(*roles):
        raise PermissionDenied


@login_required
def refer(request):
    _must(request, Role.REFERRER)
    people = people_list_for_actor(actor=request.actor)
    form = ReferForm(request.POST or None, people=people)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = next((p for p in people if str(p.pk) == data["person"]), None)
        try:
            referral = services.referral_create(
                actor=request.actor, practice=data["practice"], reasons=data["reasons"],
                consent_recorded=data["consent_recorded"],
                consent_given_by=data["consent_given_by"], what_matters=data["what_matters"],
                person=person, new_person=None if person else form.new_person(),
            )  # fmt: skip
        except services.AlreadyReferred as already:
            # Sent twice (the browser's Back, or a colleague): show the one there is.
            messages.info(request, already.messages[0])
            return redirect("social_prescribing:my_referrals")
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"{referral.person.full_name} is referred: reference {referral.reference}. "
                f"A link worker will contact them within {selectors.contact_target_days()} days. "
                "You will see here when they are connected to something, and when the "
                "referral closes.",
            )
            return redirect("social_prescribing:my_referrals")
    return render(request, "social_prescribing/refer.jinja", {"form": form})


@login_required
def my_referrals(request):
    """The referrer's own referrals and what became of them."""
    _must(request, Role.REFERRER)
    referrals = list(selectors.my_referrals(actor=request.actor))
    audit_list_view(actor=request.actor, target_type="my_referrals", count=len(referrals))
    return render(
        request,
        "social_prescribing/my_referrals.jinja",
        {"rows": [(r, services.wellbeing_change(r)) for r in referrals]},
    )


@login_required
def inbox(request):
    _must(request, Role.LINK_WORKER)
    inbox, caseload = (
        list(selectors.inbox(actor=request.actor)),
        list(selectors.caseload(actor=request.actor)),
    )
    audit_list_view(
        actor=request.actor, target_type="social_prescribing_inbox",
        count=len(inbox) + len(caseload),
    )  # fmt: skip
    return render(
        request,
        "social_prescribing/inbox.jinja",
        {
            "inbox": inbox,
            "caseload": caseload,
            "size": selectors.caseload_size(actor=request.actor),
            "reasons": dict(Reason.choices),
            "target": selectors.contact_target_days(),
            "days_waiting": selectors.days_waiting_for_contact,
        },
    )


@login_required
@require_POST
def take(request, referral_id):
    _must(request, Role.LINK_WORKER)
    referral = selectors.inbox_referral_get(actor=request.actor, referral_id=referral_id)
    try:
        services.referral_take(actor=request.actor, referral=referral)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("social_prescribing:inbox")
    return redirect("social_prescribing:referral", referral.pk)


@login_required
def referral_detail(request, referral_id):
    referral = selectors.referral_get(actor=request.actor, referral_id=referral_id)
    is_link_worker = request.actor.acts_as(Role.LINK_WORKER)
    found = (request.GET.get("find") or "").strip()
    choices = (
        list(
            listed_services().filter(search_text__icontains=found.lower())[:50]
            if found
            else listed_services()[:50]
        )
        if is_link_worker
        else []
    )
    ons4 = list(responses_for(person=referral.person, measure="ons4")) if is_link_worker else []
    return render(
        request,
        "social_prescribing/referral.jinja",
        {
            "referral": referral,
            "is_link_worker": is_link_worker,
            "reasons": dict(Reason.choices),
            "change": services.wellbeing_change(referral),
            "conversation_form": ConversationForm(),
            "goal_form": GoalForm(),
            "community_form": CommunityForm(services=choices),
            "close_form": CloseForm(),
            "decline_form": DeclineForm(),
            "find": found,
            "latest_ons4": ons4[-1] if ons4 else None,
        },
    )


def _link_worker_action(request, referral_id, form_class, action, success):
    _must(request, Role.LINK_WORKER)
    referral = selectors.referral_get(actor=request.actor, referral_id=referral_id)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        messages.error(request, "Check the form: " + "; ".join(
            f"{form.fields[n].label}: {' '.join(e)}" if n in form.fields else " ".join(e)
            for n, e in form.errors.items()
        ))  # fmt: skip
        return redirect("social_prescribing:referral", referral.pk)
    try:
        action(referral, form.cleaned_data if form else {})
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, success)
    return redirect("social_prescribing:referral", referral.pk)


@login_required
@require_POST
def conversation(request, referral_id):
    return _link_worker_action(
        request, referral_id, ConversationForm,
        lambda r, d: services.conversation_record(actor=request.actor, referral=r, **d),
        "The conversation is recorded.",
    )  # fmt: skip


@login_required
@require_POST
def goal(request, referral_id):
    return _link_worker_action(
        request, referral_id, GoalForm,
        lambda r, d: services.goal_add(actor=request.actor, referral=r, **d),
        "The goal is added.",
    )  # fmt: skip


@login_required
@require_POST
def community(request, referral_id):
    """Send the activity the person chose to the organisation that runs it."""
    form = CommunityForm(request.POST, services=_chosen(request.POST.get("service")))

    def send(referral, _):
        if not form.is_valid():
            raise ValidationError("Choose an activity from the directory.")
        services.community_refer(
            actor=request.actor,
            referral=referral,
            service=_chosen(form.cleaned_data["service"])[0],
            note=form.cleaned_data["note"],
        )

    return _link_worker_action(
        request, referral_id, None, send,
        "Sent to the organisation. They will accept or say why not.",
    )  # fmt: skip


def _chosen(service_id) -> list:
    try:
        return list(listed_services().filter(pk=uuid_or_404(service_id)))
    except Http404:
        return []


@login_required
@require_POST
def outcome(request, referral_id):
    def attach(referral, _):
        latest = list(responses_for(person=referral.person, measure="ons4"))
        if not latest:
            raise ValidationError("Record ONS4 with the person first.")
        services.outcome_link(
            actor=request.actor, referral=referral, response=latest[-1],
            stage=request.POST.get("stage", ""),
        )  # fmt: skip

    return _link_worker_action(request, referral_id, None, attach, "The ONS4 answers are linked.")


@login_required
@require_POST
def close(request, referral_id):
    return _link_worker_action(
        request, referral_id, CloseForm,
        lambda r, d: services.referral_close(actor=request.actor, referral=r, **d),
        "The referral is closed and the referrer has been told.",
    )  # fmt: skip


@login_required
@require_POST
def decline(request, referral_id):
    return _link_worker_action(
        request, referral_id, DeclineForm,
        lambda r, d: services.referral_decline(actor=request.actor, referral=r, **d),
        "Recorded as declined (SNOMED CT 871711000000103). The referrer has been told.",
    )  # fmt: skip


@login_required
def community_requests(request):
    """A community organisation sees only the requests sent to it."""
    _must(request, Role.COMMUNITY_ORGANISATION_MEMBER)
    sent = list(selectors.sent_to_my_organisations(actor=request.actor))
    audit_list_view(actor=request.actor, target_type="community_requests", count=len(sent))
    return render(
        request, "social_prescribing/community.jinja", {"sent": sent, "form": DecideForm()}
    )


@login_required
@require_POST
def community_decide(request, sent_id):
    _must(request, Role.COMMUNITY_ORGANISATION_MEMBER)
    sent = selectors.community_referral_get(actor=request.actor, sent_id=sent_id)
    form = DecideForm(request.POST)
    if form.is_valid():
        try:
            services.community_decide(
                actor=request.actor, sent=sent, accept=form.cleaned_data["accept"] == "yes",
                reason=form.cleaned_data["reason"],
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "Thank you. The link worker has been told.")
    return redirect("social_prescribing:community")


@login_required
@require_POST
def community_started(request, sent_id):
    if request.actor.acts_as(Role.LINK_WORKER):
        sent = selectors.community_referral_for_link_worker(actor=request.actor, sent_id=sent_id)
        back = ("social_prescribing:referral", sent.referral_id)
    else:
        _must(request, Role.COMMUNITY_ORGANISATION_MEMBER)
        sent = selectors.community_referral_get(actor=request.actor, sent_id=sent_id)
        back = ("social_prescribing:community",)
    try:
        services.community_started(actor=request.actor, sent=sent)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "They are connected. The referrer has been told.")
    return redirect(*back)


@login_required
def reports(request):
    """The area's figures, aggregate only: the CSV holds the same lines as the page."""
    if not sees_prescribing_reports(request.actor):
        raise PermissionDenied
    lines = selectors.report(area=request.actor.area)
    if request.GET.get("format") == "csv":
        audit_record(actor=request.actor, action=AuditAction.EXPORT,
                     target_type="social_prescribing_report")  # fmt: skip
        return csv_export.csv_download(
            "social-prescribing.csv", disclosure.CSV_HEADER, disclosure.csv_rows(lines)
        )
    return render(
        request,
        "social_prescribing/reports.jinja",
        {"sections": disclosure.sections(lines), "explanation": disclosure.EXPLANATION},
    )
