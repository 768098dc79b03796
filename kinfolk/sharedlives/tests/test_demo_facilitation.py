"""The demo shows what the scheme worker keeps an eye on: reviews in both sides' words, first
aid that runs out in 30 days, a suspended household, a household going back to panel."""

from datetime import date, timedelta

from django.core.management import call_command

from kinfolk.sharedlives.models import (
    ArrangementReview,
    Carer,
    CarerStatus,
    PanelDecision,
    TrainingRecord,
)


def test_the_demo_fills_what_the_worker_sees(db):
    call_command("demo", people=80, carers=30)
    done = ArrangementReview.objects.filter(done_on__isnull=False)
    assert done.exists()
    assert not done.filter(person_view="").exists() and not done.filter(carer_view="").exists()
    assert TrainingRecord.objects.filter(
        course="first_aid", expires_on=date.today() + timedelta(days=30)
    ).exists()
    suspended = Carer.objects.get(status=CarerStatus.SUSPENDED)
    assert PanelDecision.objects.filter(carer=suspended, decision="suspended").exists()
    assert Carer.objects.exclude(back_to_panel_because="").count() == 1
