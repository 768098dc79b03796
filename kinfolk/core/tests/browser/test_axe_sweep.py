"""Every page of the demo area that the journey tests do not reach, checked with axe, as the
role that uses it."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from .conftest import axe_check, sign_in


def _pages():
    from kinfolk.people.models import Assignment, Person
    from kinfolk.sharedlives.models import Arrangement, Carer, Referral

    sam = Person.objects.get(given_name="Sam", family_name="Okafor")
    arrangement = Arrangement.objects.filter(status="active").first()
    return {
        "scheme-worker": [
            "/",
            "/shared-lives/",
            "/shared-lives/carers/",
            f"/shared-lives/carers/{Carer.objects.filter(status='applying').first().pk}/",
            f"/shared-lives/carers/{Carer.objects.filter(status='approved').first().pk}/",
            "/shared-lives/reports/",
            "/shared-lives/payments/",
            f"/shared-lives/referrals/{Referral.objects.get(person=sam).pk}/easy-read/",
            f"/shared-lives/arrangements/{arrangement.pk}/end/",
        ],
        "person": [
            "/",
            f"/wellbeing/people/{sam.pk}/",
            f"/wellbeing/people/{sam.pk}/check-in/",
            f"/wellbeing/people/{sam.pk}/sharing/",
            f"/wellbeing/people/{sam.pk}/measures/swemwbs/",
            f"/directory/shortlists/{sam.pk}/",
        ],
        "commissioner": ["/", "/social-prescribing/reports/", "/wellbeing/connection-test/"],
        "community-organisation-member": ["/", "/directory/list-your-enterprise/"],
        "area-admin": [
            "/",
            "/directory/listings/",
            "/people/allocate/",
            f"/people/allocations/{Assignment.objects.filter(ended_at=None).first().pk}/end/",
        ],
        "shared-lives-carer": ["/"],
        "representative": ["/"],
        "referrer": ["/"],
        "link-worker": ["/"],
        "expert-by-experience": ["/"],
    }


@pytest.mark.django_db(transaction=True)
def test_every_other_page_passes_axe(new_page):
    with override_settings(KINFOLK_DEMO=True):
        call_command("demo")
        for role, paths in _pages().items():
            page = new_page()
            sign_in(page, f"{role}@demo.kinfolk.test", settings.KINFOLK_DEMO_PASSWORD)
            for path in paths:
                response = page.goto(path)
                assert response.status == 200, (role, path, response.status)
                assert page.url.endswith(path), (role, path, page.url)  # not sent to sign in
                axe_check(page)
