"""Pages for arrangements: starting one, its reviews, asking for a review, ending it, and the
month's payments to carers."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core import csv_export
from kinfolk.core.audit import audit_list_view
from kinfolk.core.permissions import require
from kinfolk.core.posting import acted, form_posted

from .. import policy
from ..forms import ArrangementForm, AskForReviewForm, EndForm, ReviewForm
from ..introductions.selectors import introduction_get
from ..rules import side_for
from . import selectors, services
from .presenters import PAYMENTS_CSV_HEADER, ArrangementPresenter, payments_csv_rows


def _arrangement_page(arrangement_id) -> str:
    return reverse("sharedlives:arrangement", args=[arrangement_id])


@login_required
def arrangement_create(request, introduction_id):
    """The worker records the start of an arrangement both sides agreed and signed."""
    introduction = introduction_get(actor=request.actor, introduction_id=introduction_id)
    require(request.actor, "sharedlives.manage_referral", introduction.person)
    form = ArrangementForm(request.POST or None, initial={"starts_on": date.today(), "band": 1})
    if done := form_posted(
        request,
        form,
        act=lambda data: services.arrangement_start(
            actor=request.actor, introduction=introduction, **data
        ),
        said="The arrangement has started.",
        then=lambda arrangement: _arrangement_page(arrangement.pk),
    ):
        return done
    return render(
        request,
        "sharedlives/arrangement_new.jinja",
        {"form": form, "introduction": introduction},
    )


@login_required
def arrangement_detail(request, arrangement_id):
    """An arrangement: its terms, its reviews, and what the reader can do next."""
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    page = ArrangementPresenter(
        arrangement=arrangement,
        side=side_for(request.actor, arrangement),
        review_list=list(selectors.reviews_for_arrangement(arrangement=arrangement)),
    )
    return render(
        request,
        "sharedlives/arrangement.jinja",
        {
            "page": page,
            "ask_form": AskForReviewForm(),
            "end_form": EndForm(),
        },
    )


@login_required
def arrangement_easy(request, arrangement_id):
    """My agreement in easy read."""
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    page = ArrangementPresenter(
        arrangement=arrangement,
        side=side_for(request.actor, arrangement),
        review_list=list(selectors.reviews_for_arrangement(arrangement=arrangement)),
    )
    return render(
        request,
        "sharedlives/easy/arrangement.jinja",
        {"page": page, "usual_page": _arrangement_page(arrangement.pk)},
    )


@login_required
def review_record(request, arrangement_id, review_id):
    """The worker records a review or visit: both sides' views, what goes well, what to change,
    the actions agreed, and whether the household goes back to panel."""
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    require(request.actor, services.MANAGE, arrangement.person)
    review = selectors.review_get(arrangement=arrangement, review_id=review_id)
    form = ReviewForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.review_record(actor=request.actor, review=review, **data),
        said=f"The {review.get_kind_display().lower()} is recorded.",
        then=_arrangement_page(arrangement.pk),
    ):
        return done
    page = ArrangementPresenter(arrangement=arrangement, side=side_for(request.actor, arrangement))
    return render(
        request, "sharedlives/review.jinja", {"form": form, "page": page, "review": review}
    )


@login_required
@require_POST
def ask_for_review(request, arrangement_id):
    """Either side asks for a review, with or without saying why."""
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    form = AskForReviewForm(request.POST)
    form.is_valid()
    return acted(
        request,
        act=lambda: services.review_request(
            actor=request.actor,
            arrangement=arrangement,
            reason=form.cleaned_data.get("reason", ""),
        ),
        said="You have asked for a review. The scheme will be in touch.",
        back=_arrangement_page(arrangement.pk),
    )


@login_required
def arrangement_end(request, arrangement_id):
    """End an arrangement: who asked, why, and what happens next."""
    arrangement = selectors.arrangement_get(actor=request.actor, arrangement_id=arrangement_id)
    form = EndForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.arrangement_end(
            actor=request.actor,
            arrangement=arrangement,
            reason=data["reason"],
            next_step=data["next_step"],
            ended_on=data["ended_on"],
            side=data["side"] or None,
        ),
        said="The arrangement has ended.",
        then=_arrangement_page(arrangement.pk),
    ):
        return done
    page = ArrangementPresenter(arrangement=arrangement, side=side_for(request.actor, arrangement))
    return render(request, "sharedlives/arrangement_end.jinja", {"form": form, "page": page})


@login_required
def payment_schedule(request):
    """The month's payments to carers, on the page or as a CSV (the export is audited)."""
    require(request.actor, "sharedlives.run_scheme")
    month = policy.month_from(request.GET.get("month"))
    rows = selectors.monthly_schedule(area=request.actor.area, month=month)
    if request.GET.get("format") == "csv":
        services.payments_exported(actor=request.actor, month=month, rows=len(rows))
        return csv_export.csv_download(
            f"shared-lives-payments-{month:%Y-%m}.csv", PAYMENTS_CSV_HEADER, payments_csv_rows(rows)
        )
    audit_list_view(actor=request.actor, target_type="shared_lives_payments", count=len(rows))
    return render(
        request,
        "sharedlives/payments.jinja",
        {"rows": rows, "month": month, "total": sum(r.amount_pence for r in rows)},
    )
