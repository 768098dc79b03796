"""Pages that start and keep a budget: a budget approver sets one up for a person, the person
(or someone helping) writes what they want their life to look like, and the approver records
each review. Thin: selectors, services, presenters."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from kinfolk.core.permissions import require
from kinfolk.core.posting import form_posted

from . import selectors, services
from .forms import FindPersonForm, PlanWordsForm, ReviewForm, SetUpForm
from .views import _budget_page, _own, by_question

SET_UP = "Only a budget approver sets up a budget."


@login_required
def find_person(request):
    """Set up a budget: first find whose it is, by name."""
    require(request.actor, "budgets.set_up_budget", message=SET_UP)
    form = FindPersonForm(request.GET or None)
    words = form.cleaned_data["q"] if form.is_valid() else ""
    people = selectors.people_for_a_budget(actor=request.actor, words=words)
    return render(
        request, "budgets/set_up_find.jinja", {"form": form, "people": people, "words": words}
    )


@login_required
def set_up(request, person_id):
    """Set up a budget for this person: how it is held, how much, when, who holds and keeps
    it. The plan starts empty, for the person to fill in."""
    require(request.actor, "budgets.set_up_budget", message=SET_UP)
    person = selectors.person_for_a_budget(actor=request.actor, person_id=person_id)
    managers = selectors.managers_offered(person=person, but=request.user)
    form = SetUpForm(request.POST or None, managers=managers)
    chosen = {str(user.pk): user for user, _ in managers}
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.budget_set_up(
                actor=request.actor,
                person=person,
                kind=d["kind"],
                amount_pence=d["amount"],
                starts_on=d["starts_on"],
                ends_on=d["ends_on"],
                held_by=d["held_by"],
                holder_name=d["holder_name"],
                manager=chosen.get(d["manager"]),
            )
        ),
        said=f"The budget is set up. {person.called} can now write their support plan.",
        then=lambda budget: _budget_page(budget.pk),
    ):
        return done
    return render(request, "budgets/set_up.jinja", {"form": form, "person": person})


@login_required
def plan_words(request, budget_id):
    """What the person wants their life to look like, in their words (before it is agreed)."""
    found = selectors.budget_get(
        actor=request.actor, budget_id=budget_id, permission="budgets.write_plan", page="words"
    )
    form = PlanWordsForm(request.POST or None, initial={"in_my_words": found.plan.in_my_words})
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.plan_words_write(
                actor=request.actor, budget=found, in_my_words=d["in_my_words"]
            )
        ),
        said="Saved. You can change it until the plan is agreed.",
        then=_budget_page(found.pk),
    ):
        return done
    own = _own(request.actor, found)
    return render(request, "budgets/plan_words.jinja", {"form": form, "budget": found, "own": own})


@login_required
def review(request, budget_id):
    """A budget approver records that the budget and plan were reviewed with the person."""
    found = selectors.budget_get(
        actor=request.actor, budget_id=budget_id, permission="budgets.record_review", page="review"
    )
    form = ReviewForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=by_question(
            lambda d: services.review_record(
                actor=request.actor, budget=found, reviewed_on=d["reviewed_on"]
            )
        ),
        said=lambda b: f"The review is recorded. The next is due by {b.review_due_on:%-d %B %Y}.",
        then=reverse("budgets:budget", args=[found.pk]),
    ):
        return done
    return render(request, "budgets/review.jinja", {"form": form, "budget": found})
