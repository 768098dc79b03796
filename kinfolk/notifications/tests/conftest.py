import pytest

from . import fake_notify


@pytest.fixture
def notify(settings):
    """A fake GOV.UK Notify on loopback, and settings that send to it."""
    state, server = fake_notify.start()
    settings.KINFOLK_NOTIFY_API_KEY = fake_notify.API_KEY
    settings.KINFOLK_NOTIFY_BASE_URL = state.url
    settings.KINFOLK_NOTIFY_EMAIL_TEMPLATE = fake_notify.EMAIL_TEMPLATE
    settings.KINFOLK_NOTIFY_SMS_TEMPLATE = fake_notify.SMS_TEMPLATE
    settings.KINFOLK_SITE_URL = "https://kinfolk.example"
    yield state
    server.shutdown()
    server.server_close()
