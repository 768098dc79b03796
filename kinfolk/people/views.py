"""Person pages: profile, edit, sharing, emergency access; the area admin's allocation pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from kinfolk.accounts.selectors import care_workers_in_area
from kinfolk.core.audit import audit_list_view, audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.pagination import paginate
from kinfolk.core.permissions import can, require
from kinfolk.core.posting import form_posted

from . import selectors, services
from .forms import AllocateForm, BreakGlassForm, GrantForm, PersonForm
from .presenters import ActivityPresenter, GrantPresenter, PersonPresenter
from .rules import is_own_record


def _person_page(actor, person) -> PersonPresenter:
    """The person's record with what this actor may do to it, as the gate answers."""
    return PersonPresenter(
        person=person,
        actor=actor,
        own=is_own_record(actor, person),
        can_edit=can(actor, "people.edit_person", person),
        can_manage_sharing=can(actor, "people.manage_sharing", person),
    )


def _to_record(person) -> str:
    return reverse("people:detail", args=[person.pk])


@login_required
def person_detail(request, person_id):
    """A person's profile: who they are, what matters to them, and who supports them."""
    person = selectors.person_get(actor=request.actor, person_id=person_id)
    return render(
        request,
        "people/detail.jinja",
        {
            "page": _person_page(request.actor, person),
            "workers": selectors.workers_for_person(person=person),
            "break_glass": selectors.live_break_glass(actor=request.actor, person=person),
        },
    )


@login_required
def person_create(request):
    """Start a record for someone the worker is supporting."""
    require(request.actor, "people.add_person")
    form = PersonForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.person_create(actor=request.actor, **data),
        said=lambda person: f"{person.full_name}'s record has been started.",
        then=_to_record,
    ):
        return done
    return render(request, "people/edit.jinja", {"form": form, "person": None})


@login_required
def person_edit(request, person_id):
    """Change a person's record."""
    person = selectors.person_get(actor=request.actor, person_id=person_id, rule="edit_person")
    initial = {name: getattr(person, name) for name in services.PROFILE_FIELDS}
    form = PersonForm(request.POST or None, initial=initial)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.person_update(actor=request.actor, person=person, changes=data),
        said="The changes have been saved.",
        then=_to_record(person),
    ):
        return done
    return render(request, "people/edit.jinja", {"form": form, "person": person})


@login_required
def person_sharing(request, person_id):
    """Who can see this record, and a form to share it with someone else."""
    person = selectors.person_get(actor=request.actor, person_id=person_id, rule="manage_sharing")
    form = GrantForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.access_grant(
            actor=request.actor,
            person=person,
            grantee_email=data["email"],
            relationship=data["relationship"],
            scope=data["scope"],
        ),
        said=lambda grant: f"{grant.grantee.display_name} can now see the record.",
        then=reverse("people:sharing", args=[person.pk]),
    ):
        return done
    return render(
        request,
        "people/sharing.jinja",
        {
            "person": person,
            "page": _person_page(request.actor, person),
            "form": form,
            "grants": [GrantPresenter(g) for g in selectors.live_grants_for_person(person=person)],
            "past_grants": [
                GrantPresenter(g) for g in selectors.past_grants_for_person(person=person)
            ],
            "workers": selectors.workers_for_person(person=person),
        },
    )


@login_required
def person_sharing_easy(request, person_id):
    """Who can see my record, in easy read: pictures and short sentences."""
    person = selectors.person_get(actor=request.actor, person_id=person_id, rule="manage_sharing")
    return render(
        request,
        "people/sharing_easy.jinja",
        {
            "person": person,
            "page": _person_page(request.actor, person),
            "grants": [GrantPresenter(g) for g in selectors.live_grants_for_person(person=person)],
            "workers": list(selectors.workers_for_person(person=person)),
            "usual_page": reverse("people:sharing", args=[person.pk]),
        },
    )


BG = "breakglassaccess"


@login_required
def record_activity(request, person_id):
    """Who has looked at or changed the record: the person can always find out."""
    person = selectors.person_get(actor=request.actor, person_id=person_id, rule="manage_sharing")
    reasons = selectors.break_glass_reasons(person=person)
    entries = [
        ActivityPresenter(e, reason=reasons.get(e.target_id, "") if e.target_type == BG else "")
        for e in selectors.record_activity(person=person)
    ]
    return render(
        request,
        "people/activity.jinja",
        {
            "person": person,
            "page": _person_page(request.actor, person),
            "entries": entries,
        },
    )


@login_required
def grant_revoke(request, person_id, grant_id):
    """Take away someone's access, after a page that says what will happen; it ends at once."""
    person = selectors.person_get(
        actor=request.actor,
        person_id=person_id,
        rule="manage_sharing",
        audit_as=None if request.method == "POST" else "view",
    )
    grant = selectors.grant_get(person=person, grant_id=grant_id)
    if request.method != "POST":
        own = person.user_id == request.actor.user.pk
        return render(
            request, "people/revoke.jinja", {"person": person, "grant": grant, "own": own}
        )
    services.access_revoke(actor=request.actor, grant=grant)
    messages.success(request, f"{grant.grantee.display_name} can no longer see the record.")
    return redirect("people:sharing", person.pk)


@login_required
def break_glass(request, person_id):
    """Emergency access: a written reason, a time limit, and a line on the admin's report."""
    person = selectors.person_get(
        actor=request.actor, person_id=person_id, rule="break_glass", audit_as=None
    )
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.break_glass_open(
                actor=request.actor, person=person, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error("reason", error.messages[0])
        else:
            messages.success(request, "Emergency access is open for a limited time.")
            return redirect("people:detail", person.pk)
    return render(request, "people/break_glass.jinja", {"form": form, "person_id": person.pk})


@login_required
def allocate(request):
    """The area admin allocates a worker to a person."""
    require(request.actor, "people.allocate_workers")
    area = request.actor.area
    people = list(selectors.people_in_area_for_admin(area=area))
    workers = list(care_workers_in_area(area=area))
    audit_list_view(actor=request.actor, target_type="allocation", count=len(people))
    form = AllocateForm(request.POST or None, people=people, workers=workers)

    def allocate_chosen(data):
        return services.assignment_create(
            actor=request.actor,
            person=next(p for p in people if str(p.pk) == data["person"]),
            worker=next(m.user for m in workers if str(m.user_id) == data["worker"]),
            kind=data["kind"],
        )

    if done := form_posted(
        request,
        form,
        act=allocate_chosen,
        said=lambda allocation: (
            f"{allocation.worker.display_name} is now allocated to {allocation.person.full_name}."
        ),
        then=reverse("people:allocate"),
    ):
        return done
    allocations, pagination = paginate(request, selectors.live_allocations(area=area))
    audit_list_view(
        actor=request.actor, target_type="allocation_list", count=len(allocations.object_list)
    )
    return render(
        request,
        "people/allocate.jinja",
        {"form": form, "allocations": allocations, "pagination": pagination},
    )


@login_required
def allocation_end(request, assignment_id):
    """The area admin ends an allocation, after a page saying what will happen."""
    require(request.actor, "people.allocate_workers")
    assignment = selectors.allocation_get_for_admin(
        actor=request.actor, assignment_id=assignment_id
    )
    if request.method == "POST":
        try:
            services.assignment_end(actor=request.actor, assignment=assignment)
        except ValidationError as error:  # someone ended it a moment ago
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                f"{assignment.worker.display_name} is no longer allocated to "
                f"{assignment.person.full_name}.",
            )
        return redirect("people:allocate")
    audit_record(
        actor=request.actor,
        action=AuditAction.VIEW,
        target_type="assignment",
        target_id=assignment.pk,
        person_id=assignment.person_id,
    )
    return render(request, "people/allocation_end.jinja", {"assignment": assignment})


@login_required
def break_glass_report(request):
    """Every use of emergency access in the area, for review."""
    require(request.actor, "people.view_break_glass_report")
    accesses = list(selectors.break_glass_report(area=request.actor.area))
    self_allocations = list(selectors.self_allocations(area=request.actor.area))
    audit_list_view(
        actor=request.actor,
        target_type="emergency_access_report",
        count=len(accesses) + len(self_allocations),
    )
    return render(
        request,
        "people/break_glass_report.jinja",
        {"accesses": accesses, "self_allocations": self_allocations},
    )
