"""What every page needs: the service name, the area, the actor and whether this is a demo."""

from django.conf import settings


def service(request) -> dict:
    actor = getattr(request, "actor", None)
    return {
        "service_name": "Kinfolk",
        "actor": actor,
        "demo_mode": settings.KINFOLK_DEMO,
        "contact_email": settings.KINFOLK_CONTACT_EMAIL,
    }
