"""How API callers prove who they are: a bearer token for machines, the session for the browser."""

from ninja.security import HttpBearer, SessionAuth

from kinfolk.accounts.services import api_token_actor


class TokenAuth(HttpBearer):
    """`Authorization: Bearer kf_...`, issued on the Sign-in and security page."""

    openapi_description = "A token from Kinfolk's 'Sign-in and security' page."

    def authenticate(self, request, token):
        actor = api_token_actor(token)
        if actor is None:
            return None
        request.actor = actor
        return actor


class BrowserSessionAuth(SessionAuth):
    """The signed-in browser session; unsafe methods need the CSRF token."""

    def authenticate(self, request, key):
        actor = getattr(request, "actor", None)
        if actor is not None and actor.is_signed_in and actor.membership is not None:
            return actor
        return None
