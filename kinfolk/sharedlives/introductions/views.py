"""Pages for introductions: a person's matches, a carer's requests, saying yes, the meetings,
saying no, and agreeing. Every step is the person's and the carer's own decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.pagination import paginate
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import acted, acted_on, form_posted
from kinfolk.people import selectors as people_selectors

from ..carers.selectors import carer_for_actor
from ..diary.views import diary_for
from ..forms import DeclineForm, ForSomeoneForm, NotForMeForm, StageViewForm
from ..models import Introduction
from ..rules import THEMSELVES, side_for, speaker_for
from . import selectors, services
from .presenters import IntroductionPresenter, carer_requests_page, matches_page

MATCHES_A_PAGE = 5  # enough to compare, few enough to read on a phone


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
    shown, pagination = paginate(request, page.suggestions, per_page=MATCHES_A_PAGE)
    return render(
        request,
        "sharedlives/my_matches.jinja",
        {"page": page, "shown": shown, "pagination": pagination},
    )


def _said_for_them(request) -> dict:
    """Who a yes is for and how they showed it, as posted; the service checks it all."""
    return {
        "side": request.POST.get("side") or None,
        "shown_how": request.POST.get("shown_how", ""),
        "note": request.POST.get("note", ""),
    }


@login_required
def my_matches_easy(request, person_id):
    """My matches in easy read: pictures, short sentences, and big buttons."""
    person = people_selectors.person_get(actor=request.actor, person_id=person_id)
    require(request.actor, "sharedlives.decide_for_person", person)
    page = matches_page(
        selectors.matches_for(actor=request.actor, person=person),
        own=can(request.actor, "sharedlives.choose_as_the_person", person),
    )
    return render(
        request,
        "sharedlives/easy/my_matches.jinja",
        {"page": page, "usual_page": reverse("sharedlives:my_matches", args=[person.pk])},
    )


def _easy(request) -> bool:
    """The form was posted from an easy-read page, so the answer goes back to one."""
    return request.POST.get("back") == "easy"


@login_required
@require_POST
def interest(request, referral_id):
    """Say yes to meeting a household (the person's side or the carer's side), or, for the
    worker, record a side's yes for them with how they showed it."""
    referral = selectors.referral_for_interest(actor=request.actor, referral_id=referral_id)
    carer = selectors.carer_for_interest(actor=request.actor, carer_id=request.POST.get("carer"))
    try:
        introduction = services.interest_express(
            actor=request.actor, referral=referral, carer=carer, **_said_for_them(request)
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        if can(request.actor, "sharedlives.answer_introduction_requests"):
            return redirect("sharedlives:carer_requests")
        if can(request.actor, "sharedlives.manage_referral", referral.person):
            return redirect("sharedlives:referral", referral.pk)
        return redirect("sharedlives:my_matches", referral.person_id)
    if introduction.stage == "interest":
        messages.success(
            request, "The yes to meeting is recorded. We are waiting for the other side."
        )
    else:
        messages.success(
            request,
            "You both said yes. Either of you, or the scheme worker, can now suggest a date, "
            "time and place for the introduction meeting; the others say whether it suits them.",
        )
    if _easy(request):
        return redirect("sharedlives:introduction_easy", introduction.pk)
    return redirect("sharedlives:introduction", introduction.pk)


@login_required
@require_POST
def not_for_me(request, referral_id):
    """A side says "not for me" about a suggestion: the person about a household, or a
    household about a person."""
    referral = selectors.referral_for_interest(actor=request.actor, referral_id=referral_id)
    carer = selectors.carer_for_interest(actor=request.actor, carer_id=request.POST.get("carer"))
    form = NotForMeForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    back = _easy(request) and reverse("sharedlives:my_matches_easy", args=[referral.person_id])
    if can(request.actor, "sharedlives.answer_introduction_requests"):
        back = reverse("sharedlives:carer_requests")
    return acted(
        request,
        act=lambda: services.not_for_me_say(
            actor=request.actor,
            referral=referral,
            carer=carer,
            reason=reason,
            **{k: v for k, v in _said_for_them(request).items() if k != "side"},
        ),
        said="Done. It will not be suggested again unless you choose 'Show it again'.",
        back=back or reverse("sharedlives:my_matches", args=[referral.person_id]),
    )


@login_required
@require_POST
def show_again(request, not_for_me_id):
    """The side that said "not for me" shows it again."""
    said = selectors.not_for_me_get(actor=request.actor, not_for_me_id=not_for_me_id)
    if can(request.actor, "sharedlives.answer_introduction_requests"):
        back = reverse("sharedlives:carer_requests")
    elif _easy(request):
        back = reverse("sharedlives:my_matches_easy", args=[said.person_id])
    else:
        back = reverse("sharedlives:my_matches", args=[said.person_id])
    return acted(
        request,
        act=lambda: services.not_for_me_undo(actor=request.actor, said=said),
        said="It will be shown again.",
        back=back,
    )


@login_required
def carer_requests(request):
    """Requests to meet, people who might like to meet us, introductions and arrangements."""
    require(request.actor, "sharedlives.answer_introduction_requests")
    carer = carer_for_actor(actor=request.actor)
    if carer is None:
        raise PermissionDenied
    page = carer_requests_page(selectors.carer_requests(actor=request.actor, carer=carer))
    return render(request, "sharedlives/carer_requests.jinja", {"page": page})


def _forms(actor, introduction: Introduction, page, data=None) -> dict:
    """The forms a reader gets: about themselves, or, for someone, with how they showed it."""
    who = {"speaker": page.speaker, "name": introduction.person.called}
    return {
        "view_form": StageViewForm(data, meeting=page.meeting, **who),
        "decline_form": DeclineForm(data, **who),
        "for_form": ForSomeoneForm(data, **who),
    }


def _page(actor, introduction: Introduction) -> IntroductionPresenter:
    return IntroductionPresenter(
        introduction=introduction,
        side=side_for(actor, introduction),
        views=selectors.stage_views(introduction=introduction),
        speaker=speaker_for(actor, introduction),
        said_for=selectors.said_for(introduction=introduction),
    )


@login_required
def introduction_detail(request, introduction_id):
    """Where an introduction stands, what each side said, and what the reader can do next."""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    page = _page(request.actor, introduction)
    return render(
        request,
        "sharedlives/introduction.jinja",
        {
            "page": page,
            **_forms(request.actor, introduction, page),
            "diary": diary_for(request.actor, introduction),
        },
    )


@login_required
def introduction_easy(request, introduction_id):
    """An introduction in easy read: the steps in pictures, and big buttons for the reader's
    own answers."""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    return render(
        request,
        "sharedlives/easy/introduction.jinja",
        {
            "page": _page(request.actor, introduction),
            "usual_page": _back_to(introduction.pk),
        },
    )


def _back_to(introduction_id, request=None) -> str:
    easy = request is not None and _easy(request)
    return reverse(
        "sharedlives:introduction_easy" if easy else "sharedlives:introduction",
        args=[introduction_id],
    )


@login_required
@require_POST
def introduction_view(request, introduction_id):
    """A side says whether to carry on after a meeting (or someone records it for them)."""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    page = _page(request.actor, introduction)
    form = _forms(request.actor, introduction, page, request.POST)["view_form"]
    return acted_on(
        request,
        form,
        act=lambda data: services.stage_view_record(
            actor=request.actor,
            introduction=introduction,
            carry_on=data["carry_on"] == "yes",
            view=data["view"],
            happened_on=data.get("happened_on"),
            **form.voice(),
        ),
        said="Thank you: it has been recorded.",
        back=_back_to(introduction.pk, request),
        invalid="Say whether to carry on to the next step.",
    )


@login_required
def introduction_decline(request, introduction_id):
    """Either side says no, at any stage, with or without a reason: first a page that says what
    will happen (in easy read from an easy-read page), then the answer."""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    page = _page(request.actor, introduction)
    if not page.can_decline:
        raise PermissionDenied
    form = _forms(request.actor, introduction, page, request.POST or None)["decline_form"]
    if done := form_posted(
        request,
        form,
        act=lambda data: services.introduction_decline(
            actor=request.actor, introduction=introduction, reason=data["reason"], **form.voice()
        ),
        said="The introduction has ended. Nothing counts against anyone for saying no.",
        then=_back_to(introduction.pk, request),
    ):
        return done
    easy = _easy(request) or request.GET.get("easy") == "1"
    return render(
        request,
        "sharedlives/easy/introduction_stop.jinja"
        if easy
        else "sharedlives/introduction_stop.jinja",
        {
            "page": page,
            "form": form,
            "leaves": selectors.what_stopping_leaves(introduction, side=page.own_side),
            "back": reverse(
                "sharedlives:introduction_easy" if easy else "sharedlives:introduction",
                args=[introduction.pk],
            ),
        },
    )


@login_required
@require_POST
def introduction_agree(request, introduction_id):
    """A side agrees to the arrangement: themselves, or the person's representative."""
    introduction = selectors.introduction_get(actor=request.actor, introduction_id=introduction_id)
    voice = {k: v for k, v in _said_for_them(request).items() if k != "side"}
    own = speaker_for(request.actor, introduction) == THEMSELVES
    return acted(
        request,
        act=lambda: services.arrangement_agree(
            actor=request.actor, introduction=introduction, **voice
        ),
        said="Your agreement has been recorded." if own else "Their agreement has been recorded.",
        back=_back_to(introduction.pk, request),
    )
