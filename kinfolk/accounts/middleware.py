"""Attach the actor (user, area, role) to every request."""

from django.utils.functional import SimpleLazyObject

from .services import actor_for

ACTING_MEMBERSHIP_KEY = "acting_membership_id"


class ActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.actor = SimpleLazyObject(
            lambda: actor_for(request.user, request.session.get(ACTING_MEMBERSHIP_KEY))
        )
        return self.get_response(request)
