"""The notification centre, how someone chooses to be told, and the area admin's outbox and
scheduled jobs."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kinfolk.core.pagination import paginate
from kinfolk.core.posting import form_posted
from kinfolk.core.redirects import same_site_path

from . import channels, events, selectors, services
from .forms import PreferenceForm
from .presenters import outbox_rows


@login_required
def centre(request):
    """Everything the person has been told, newest first, unread ones marked."""
    shown, pagination = paginate(request, selectors.notifications_for(actor=request.actor))
    selectors.audit_centre_page(actor=request.actor, shown=len(shown.object_list))
    return render(
        request,
        "notifications/centre.jinja",
        {"notifications": shown, "pagination": pagination},
    )


@login_required
@require_POST
def open_notification(request, notification_id):
    """Mark one notification read and go to what it is about."""
    notification = selectors.notification_get(actor=request.actor, notification_id=notification_id)
    services.mark_read(actor=request.actor, notification=notification)
    return redirect(same_site_path(notification.link) or reverse("notifications:centre"))


@login_required
@require_POST
def read_all(request):
    """Mark everything read."""
    services.mark_all_read(actor=request.actor)
    return redirect("notifications:centre")


@login_required
def choices(request):
    """How the person wants to be told: email, text, easy read, once a day."""
    current = services.preference_for(request.actor.user)
    form = PreferenceForm(
        request.POST or None,
        initial={
            "by_email": current.by_email,
            "by_text": current.by_text,
            "mobile": current.mobile,
            "easy_read": current.easy_read,
            "daily_digest": current.daily_digest,
        },
    )
    if done := form_posted(
        request,
        form,
        act=lambda data: services.preference_save(actor=request.actor, **data),
        said="Your choices have been saved.",
        then=reverse("notifications:choices"),
    ):
        return done
    return render(request, "notifications/choices.jinja", {"form": form})


@login_required
@require_POST
def test_message(request):
    """Send the person a test message on their chosen channels."""
    services.send_test_message(actor=request.actor)
    return redirect("notifications:centre")


@login_required
def outbox(request):
    """The area admin's view of every message sent or kept for people in the area."""
    shown, pagination = paginate(request, selectors.outbox_for(actor=request.actor))
    rows = outbox_rows(shown.object_list, {e.code: e for e in events.all_events()})
    selectors.audit_outbox_page(actor=request.actor, shown=len(rows))
    return render(
        request,
        "notifications/outbox.jinja",
        {"rows": rows, "page_of": shown, "pagination": pagination,
         "notify_is_set_up": channels.notify_is_set_up()},
    )  # fmt: skip


@login_required
def scheduled(request):
    """The area admin's view of the recurring jobs: last run, outcome, next run."""
    return render(
        request,
        "notifications/scheduled.jinja",
        {
            "jobs": selectors.scheduled_jobs(actor=request.actor),
            "failures": selectors.failed_background_work(actor=request.actor),
        },
    )
