"""System checks: production must have an audit key of its own (docs/deployment.md)."""

from django.conf import settings
from django.core.checks import Error, Tags, register

from .audit_keys import MINIMUM_KEY_LENGTH


@register(Tags.security)
def audit_key_check(app_configs, **kwargs) -> list[Error]:
    """In production the audit key must be set, long, and not the Django secret key."""
    if settings.KINFOLK_ENVIRONMENT != "production":
        return []
    key = getattr(settings, "KINFOLK_AUDIT_KEY", "")
    if not key:
        return [_error("KINFOLK_AUDIT_KEY is not set.", "kinfolk.audit.E001")]
    if len(key) < MINIMUM_KEY_LENGTH:
        too_short = f"KINFOLK_AUDIT_KEY is shorter than {MINIMUM_KEY_LENGTH} characters."
        return [_error(too_short, "kinfolk.audit.E002")]
    if key == settings.SECRET_KEY:
        same = "KINFOLK_AUDIT_KEY is the same as DJANGO_SECRET_KEY."
        return [_error(same, "kinfolk.audit.E003")]
    return []


def _error(problem: str, check_id: str) -> Error:
    return Error(
        problem,
        hint="Set KINFOLK_AUDIT_KEY to its own long random value, kept outside the database.",
        id=check_id,
    )
