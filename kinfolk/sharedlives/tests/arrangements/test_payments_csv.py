"""The payments CSV goes through the one safe writer: a carer's name cannot run as a formula."""

from kinfolk.core.tests.test_csv_export import HOSTILE, cells, no_formula_can_run


def test_shared_lives_payments_csv(scheme, signed_in_client):
    from kinfolk.sharedlives.models import Carer
    from kinfolk.sharedlives.tests.journeys import agreed, start

    Carer.objects.filter(pk=scheme.carer.pk).update(name=HOSTILE[0])
    start(scheme, agreed(scheme))
    client = signed_in_client(scheme.worker.membership)
    response = client.get("/shared-lives/payments/", {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "'" + HOSTILE[0] in cells(text)
    no_formula_can_run(text)
