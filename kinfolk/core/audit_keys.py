"""The key that seals audit entries: from KINFOLK_AUDIT_KEY, never stored in the database.

Outside production, when no key is set, it is derived from SECRET_KEY under a fixed label so
that local, test and demo databases keep verifying between runs (docs/deployment.md).
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DERIVED_KEY_LABEL = (
    b"kinfolk audit chain key, derived from SECRET_KEY for local, test and demo use only"
)
MINIMUM_KEY_LENGTH = 32


def audit_key() -> bytes:
    """The audit key in use: the configured one, or outside production one derived for it."""
    configured = getattr(settings, "KINFOLK_AUDIT_KEY", "")
    if configured:
        return configured.encode()
    if settings.KINFOLK_ENVIRONMENT == "production":
        raise ImproperlyConfigured("Set KINFOLK_AUDIT_KEY: production never derives the audit key.")
    return hmac.new(settings.SECRET_KEY.encode(), DERIVED_KEY_LABEL, hashlib.sha256).digest()
