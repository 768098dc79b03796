"""Social prescribing pages: refer, the link worker's inbox and caseload, a referral, the
community organisation's requests, the referrer's outcomes, and reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from kinfolk.core import csv_export, disclosure, periods
from kinfolk.core.audit import audit_list_view, audit_record
from kinfolk.core.lookups import uuid_or_404
from kinfolk.core.models import AuditAction
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted
from kinfolk.directory.selectors import listed_services, search_services
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
    OutcomeForm,
    PressedForm,
    ReferForm,
)
from .models import Reason


def _refused(form) -> str:
    """What the service said when it refused a form that was itself filled in well."""
    return next(problem for problems in form.errors.values() for problem in problems)


class _SentTwice(Exception):
    """The person already has an open referral: shown to the referrer, not as a mistake."""


def _refer(actor, form, people, data):
    person = next((p for p in people if str(p.pk) == data["person"]), None)
    try:
        return services.referral_create(
            actor=actor, practice=data["practice"], reasons=data["reasons"],
            consent_recorded=data["consent_recorded"],
            consent_given_by=data["consent_given_by"], what_matters=data["what_matters"],
            person=person, new_person=None if person else form.new_person(),
        )  # fmt: skip
    except services.AlreadyReferred as already:
        raise _SentTwice(already.messages[0]) from already


def _referred(referral) -> str:
    return (
        f"{referral.person.full_name} is referred: reference {referral.reference}. "
        f"A link worker will contact them within {selectors.contact_target_days()} days. "
        "You will see here when they are connected to something, and when the "
        "referral closes."
    )


@login_required
def refer(request):
    """A GP, nurse or other professional refers someone who has agreed to it."""
    require(request.actor, "social_prescribing.refer")
    people = people_list_for_actor(actor=request.actor)
    practices = list(selectors.practices_offered(area=request.actor.area))
    form = ReferForm(request.POST or None, people=people, practices=practices)
    try:
        if done := form_posted(
            request,
            form,
            act=lambda data: _refer(request.actor, form, people, data),
            said=_referred,
            then=reverse("social_prescribing:my_referrals"),
        ):
            return done
    except _SentTwice as twice:
        # Sent twice (the browser's Back, or a colleague): show the one there is.
        messages.info(request, str(twice))
        return redirect("social_prescribing:my_referrals")
    return render(
        request, "social_prescribing/refer.jinja", {"form": form, "has_practices": bool(practices)}
    )


@login_required
def my_referrals(request):
    """The referrer's own referrals and what became of them."""
    require(request.actor, "social_prescribing.see_referrals_sent")
    referrals = list(selectors.my_referrals(actor=request.actor))
    audit_list_view(actor=request.actor, target_type="my_referrals", count=len(referrals))
    return render(
        request,
        "social_prescribing/my_referrals.jinja",
        {
            "rows": [
                (r, selectors.wellbeing_change(r), selectors.what_the_referrer_should_know(r))
                for r in referrals
            ],
            "target": selectors.contact_target_days(),
            "no_news_days": selectors.NO_NEWS_DAYS,
        },
    )


@login_required
def inbox(request):
    """The link worker's inbox of new referrals, and their caseload."""
    require(request.actor, "social_prescribing.work_caseload")
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
def take(request, referral_id):
    """A link worker reads a new referral from the inbox and is asked whether to take it; taking
    it goes to it."""
    require(request.actor, "social_prescribing.work_caseload")
    if request.method != "POST":
        referral = selectors.inbox_referral_preview(actor=request.actor, referral_id=referral_id)
        return render(
            request,
            "social_prescribing/take.jinja",
            {
                "r": referral,
                "reasons": dict(Reason.choices),
                "days": selectors.days_waiting_for_contact(referral),
                "target": selectors.contact_target_days(),
            },
        )
    referral = selectors.inbox_referral_get(actor=request.actor, referral_id=referral_id)
    form = PressedForm(request.POST)
    if done := form_posted(
        request,
        form,
        act=lambda _: services.referral_take(actor=request.actor, referral=referral),
        said=None,
        then=reverse("social_prescribing:referral", args=[referral.pk]),
    ):
        return done
    messages.error(request, _refused(form))
    return redirect("social_prescribing:inbox")


ACTIVITIES_SHOWN = 20  # a short list to choose from: more words narrow it


@login_required
def referral_detail(request, referral_id):
    """One referral: for its link worker, with everything they do with the person."""
    referral = selectors.referral_get(
        actor=request.actor, referral_id=referral_id, with_its_work=True
    )
    is_link_worker = can(request.actor, "social_prescribing.record_conversation", referral)
    found = " ".join((request.GET.get("find") or "").split())[:100]
    matching = search_services(search=found).order_by("name") if found and is_link_worker else None
    choices = list(matching[:ACTIVITIES_SHOWN]) if matching is not None else []
    ons4 = list(responses_for(person=referral.person, measure="ons4")) if is_link_worker else []
    return render(
        request,
        "social_prescribing/referral.jinja",
        {
            "referral": referral,
            "is_link_worker": is_link_worker,
            "reasons": dict(Reason.choices),
            "change": selectors.wellbeing_change(referral),
            "conversation_form": ConversationForm(),
            "goal_form": GoalForm(),
            "community_form": CommunityForm(services=choices),
            "find": found,
            "matches": matching.count() if matching is not None else 0,
            "shown": ACTIVITIES_SHOWN,
            "latest_ons4": ons4[-1] if ons4 else None,
        },
    )


def _form_problems(form) -> str:
    return "Check the form: " + "; ".join(
        f"{form.fields[n].label}: {' '.join(e)}" if n in form.fields else " ".join(e)
        for n, e in form.errors.items()
    )


def _the_link_workers(request, referral_id):
    """The referral a link worker's form on its page is about (theirs, or refused)."""
    require(request.actor, "social_prescribing.work_caseload")
    return selectors.referral_get(actor=request.actor, referral_id=referral_id)


def _back_to_the_referral(request, referral, form, *, act, said, not_filled_in=None):
    """Post one of the link worker's forms on the referral page and go back to it, saying what
    happened: done, what the service refused, or what is wrong with the form."""
    back = reverse("social_prescribing:referral", args=[referral.pk])
    filled_in = form.is_valid()
    if done := form_posted(request, form, act=act, said=said, then=back):
        return done
    if filled_in:
        messages.error(request, _refused(form))
    else:
        messages.error(request, not_filled_in or _form_problems(form))
    return redirect(back)


@login_required
@require_POST
def conversation(request, referral_id):
    """The link worker records a conversation with the person."""
    referral = _the_link_workers(request, referral_id)
    return _back_to_the_referral(
        request, referral, ConversationForm(request.POST),
        act=lambda data: services.conversation_record(
            actor=request.actor, referral=referral, **data
        ),
        said="The conversation is recorded.",
    )  # fmt: skip


@login_required
@require_POST
def goal(request, referral_id):
    """The link worker adds a goal in the person's words."""
    referral = _the_link_workers(request, referral_id)
    return _back_to_the_referral(
        request, referral, GoalForm(request.POST),
        act=lambda data: services.goal_add(actor=request.actor, referral=referral, **data),
        said="The goal is added.",
    )  # fmt: skip


@login_required
@require_POST
def community(request, referral_id):
    """Send the activity the person chose to the organisation that runs it."""
    form = CommunityForm(request.POST, services=_chosen(request.POST.get("service")))
    referral = _the_link_workers(request, referral_id)
    return _back_to_the_referral(
        request, referral, form,
        act=lambda data: services.community_refer(
            actor=request.actor, referral=referral, service=_chosen(data["service"])[0],
            note=data["note"], contact_shared=data["contact_shared"],
        ),
        said="Sent to the organisation. They will accept or say why not.",
        not_filled_in="Choose an activity from the directory.",
    )  # fmt: skip


def _chosen(service_id) -> list:
    try:
        return list(listed_services().filter(pk=uuid_or_404(service_id)))
    except Http404:
        return []


def _latest_ons4(referral):
    latest = list(responses_for(person=referral.person, measure="ons4"))
    if not latest:
        raise ValidationError("Record ONS4 with the person first.")
    return latest[-1]


@login_required
@require_POST
def outcome(request, referral_id):
    """Link the person's latest ONS4 answers to the referral, as the start or the follow-up."""
    referral = _the_link_workers(request, referral_id)
    return _back_to_the_referral(
        request, referral, OutcomeForm(request.POST),
        act=lambda data: services.outcome_link(
            actor=request.actor, referral=referral, response=_latest_ons4(referral),
            stage=data["stage"],
        ),
        said="The ONS4 answers are linked.",
    )  # fmt: skip


@login_required
def close(request, referral_id):
    """The link worker closes the referral, after a page that says what will happen; the
    referrer is told."""
    return _end_referral(
        request, referral_id, "close", CloseForm,
        act=services.referral_close,
        said="The referral is closed and the referrer has been told.",
    )  # fmt: skip


@login_required
def decline(request, referral_id):
    """The person does not want social prescribing, after a page that says what will happen;
    the referrer is told."""
    return _end_referral(
        request, referral_id, "decline", DeclineForm,
        act=services.referral_decline,
        said="Recorded as declined (SNOMED CT 871711000000103). The referrer has been told.",
    )  # fmt: skip


def _end_referral(request, referral_id, ending: str, form_class, *, act, said):
    referral = _the_link_workers(request, referral_id)
    form = form_class(request.POST or None)
    if done := form_posted(
        request, form,
        act=lambda data: act(actor=request.actor, referral=referral, **data),
        said=said,
        then=reverse("social_prescribing:referral", args=[referral.pk]),
    ):  # fmt: skip
        return done
    return render(
        request,
        "social_prescribing/end_referral.jinja",
        {"r": referral, "form": form, "ending": ending,
         **selectors.what_ending_a_referral_leaves(referral)},
    )  # fmt: skip


@login_required
def community_requests(request):
    """A community organisation sees only the requests sent to it."""
    require(request.actor, "social_prescribing.see_community_requests")
    sent = selectors.requests_for_my_organisations(actor=request.actor)
    audit_list_view(actor=request.actor, target_type="community_requests", count=len(sent))
    return render(
        request, "social_prescribing/community.jinja", {"sent": sent, "form": DecideForm()}
    )


@login_required
@require_POST
def community_decide(request, sent_id):
    """The organisation accepts someone, or says why it cannot."""
    require(request.actor, "social_prescribing.see_community_requests")
    sent = selectors.community_referral_get(actor=request.actor, sent_id=sent_id)
    form = DecideForm(request.POST)
    filled_in = form.is_valid()
    if done := form_posted(
        request,
        form,
        act=lambda data: services.community_decide(
            actor=request.actor, sent=sent, accept=data["accept"] == "yes", reason=data["reason"]
        ),
        said="Thank you. The link worker has been told.",
        then=reverse("social_prescribing:community"),
    ):
        return done
    if filled_in:
        messages.error(request, _refused(form))
    return redirect("social_prescribing:community")


@login_required
@require_POST
def community_started(request, sent_id):
    """The person has started going: recorded by the organisation or the link worker."""
    if can(request.actor, "social_prescribing.work_caseload"):
        sent = selectors.community_referral_for_link_worker(actor=request.actor, sent_id=sent_id)
        back = reverse("social_prescribing:referral", args=[sent.referral_id])
    else:
        require(request.actor, "social_prescribing.see_community_requests")
        sent = selectors.community_referral_get(actor=request.actor, sent_id=sent_id)
        back = reverse("social_prescribing:community")
    form = PressedForm(request.POST)
    if done := form_posted(
        request,
        form,
        act=lambda _: services.community_started(actor=request.actor, sent=sent),
        said="They are connected. The referrer has been told.",
        then=back,
    ):
        return done
    messages.error(request, _refused(form))
    return redirect(back)


@login_required
def reports(request):
    """The area's figures, aggregate only: the CSV holds the same lines as the page."""
    require(request.actor, "social_prescribing.see_reports")
    area, today = request.actor.area, timezone.localdate()
    since = selectors.first_referral_on(area=area)
    year = periods.chosen(request.GET.get("period"), since=since, today=today)
    lines = selectors.report(area=area, year=year)
    if request.GET.get("format") == "csv":
        audit_record(actor=request.actor, action=AuditAction.EXPORT,
                     target_type="social_prescribing_report")  # fmt: skip
        return csv_export.csv_download(
            f"social-prescribing-{year.code}.csv", disclosure.CSV_HEADER, disclosure.csv_rows(lines)
        )
    return render(
        request,
        "social_prescribing/reports.jinja",
        {"sections": disclosure.sections(lines), "explanation": disclosure.EXPLANATION,
         "year": year, "years": periods.years(since=since, today=today)},
    )  # fmt: skip
