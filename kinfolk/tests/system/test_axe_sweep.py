"""A sweep of the demo area as every role: sign in, follow the links each role can reach, and
fail on a server error, markup shown as text, a page that scrolls sideways on a 375 px phone,
or an axe violation.

Pages are told apart by their shape (numbers and ids replaced), so the sweep sees each kind of
page once per role rather than every person's copy of it.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from .conftest import axe_violations, sign_in

ROLES = [
    "person",
    "representative",
    "shared-lives-carer",
    "scheme-worker",
    "referrer",
    "link-worker",
    "community-organisation-member",
    "commissioner",
    "expert-by-experience",
    "area-admin",
    "family-carer",
    "emergency-responder",
    "budget-approver",
    "broker",
]
PAGES_PER_ROLE = 40
# Not pages: signing out, machine-readable answers and downloads.
SKIP = re.compile(r"^/(accounts/logout|api/|openreferral/|static/)|\.(csv|ics|json|pdf)$|/export")
ID = re.compile(r"/(\d+|[0-9a-f]{8}-[0-9a-f-]{27})(?=/)")
MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?>|&lt;|&gt;|&amp;[a-z]+;")
PHONE = {"width": 375, "height": 812}


def _seeds() -> dict[str, list[str]]:
    """Pages worth reaching even if no link on the first pages leads to them."""
    from kinfolk.budgets.models import Budget
    from kinfolk.people.models import Assignment, Person
    from kinfolk.sharedlives.models import Arrangement, Carer, Referral

    sam = Person.objects.get(given_name="Sam", family_name="Okafor")
    budget = Budget.objects.get(person=sam)
    arrangement = Arrangement.objects.filter(status="active").first()
    return {
        "scheme-worker": [
            f"/shared-lives/carers/{Carer.objects.filter(status='applying').first().pk}/",
            f"/shared-lives/carers/{Carer.objects.filter(status='approved').first().pk}/",
            f"/shared-lives/referrals/{Referral.objects.get(person=sam).pk}/easy-read/",
            f"/shared-lives/arrangements/{arrangement.pk}/end/",
            "/shared-lives/due/",
            "/shared-lives/introduction-plan/",
            f"/shared-lives/people/{sam.pk}/matches/",
            f"/shared-lives/carers/{arrangement.carer_id}/leave/",
            f"/shared-lives/arrangements/{arrangement.pk}/reviews/"
            f"{arrangement.reviews.filter(done_on=None).first().pk}/",
        ],
        "person": [
            f"/wellbeing/people/{sam.pk}/check-in/",
            f"/wellbeing/people/{sam.pk}/measures/swemwbs/",
            f"/directory/shortlists/{sam.pk}/",
            "/notifications/",
            "/notifications/choices/",
        ],
        "community-organisation-member": ["/directory/list-your-enterprise/"],
        "budget-approver": [f"/budgets/{budget.pk}/", f"/budgets/{budget.pk}/plan/approve/"],
        "area-admin": [
            "/notifications/outbox/",
            "/notifications/scheduled-jobs/",
            "/people/allocate/",
            f"/people/allocations/{Assignment.objects.filter(ended_at=None).first().pk}/end/",
        ],
    }


def _shape(path: str) -> str:
    return ID.sub("/{id}", path)


def _links(page, origin: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        parts = urlsplit(urljoin(page.url, href))
        if f"{parts.scheme}://{parts.netloc}" != origin or SKIP.search(parts.path):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _problems_on(page, phone, path: str) -> list[str]:
    problems = []
    shown = MARKUP.search(page.inner_text("body"))
    if shown:
        problems.append(f"{path}: markup shown as text: {shown.group(0)!r}")
    phone.goto(path)
    overflow = phone.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        problems.append(f"{path}: scrolls sideways by {overflow} px at 375 px wide")
    report = axe_violations(page)
    if report:
        problems.append(f"{path}: axe found\n{report}")
    return problems


def _sweep(page, phone, seeds: list[str], origin: str) -> tuple[list[str], list[str]]:
    """Visit every kind of page the role can reach; the problems found and the pages seen."""
    queue, seen_shapes, problems, visited = ["/", *seeds], set(), [], []
    while queue and len(visited) < PAGES_PER_ROLE:
        path = queue.pop(0)
        shape = _shape(path.split("?")[0])
        if shape in seen_shapes:
            continue
        seen_shapes.add(shape)
        response = page.goto(path)
        visited.append(path)
        if response.status >= 500:
            problems.append(f"{path}: server error {response.status}")
            continue
        if response.status in (403, 404) or "/accounts/login/" in page.url:
            continue
        problems += _problems_on(page, phone, path)
        queue += _links(page, origin)
    return problems, visited


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.django_db(transaction=True)
def test_every_role_sees_pages_without_errors_markup_or_sideways_scrolling(
    role, new_page, live_server
):
    """One role at a time, so that the test workers share the sweep between them."""
    with override_settings(KINFOLK_DEMO=True):
        call_command("demo")
        page, phone = new_page(), new_page(viewport=PHONE)
        for each in (page, phone):
            sign_in(each, f"{role}@demo.kinfolk.test", settings.KINFOLK_DEMO_PASSWORD)
        problems, visited = _sweep(page, phone, _seeds().get(role, []), live_server.url)
        assert not problems, "\n".join(f"{role} {problem}" for problem in problems)
        # The sweep really went round: the role reached more than its home page.
        assert len(visited) > 1, visited
