"""The NinjaAPI root: mounts each app's router, and turns refusals into clear JSON errors."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError

from kinfolk.accounts.api import router as accounts_router
from kinfolk.budgets.api import router as budgets_router
from kinfolk.people.api import router as people_router
from kinfolk.sharedlives.api import router as shared_lives_router
from kinfolk.social_prescribing.api import router as prescribing_router
from kinfolk.wellbeing.api import router as wellbeing_router

from .auth import BrowserSessionAuth, TokenAuth


class SwaggerInEnglish(Swagger):
    """django-ninja's docs page, with the language its <html> element must declare."""

    def render_page(self, request, api, **kwargs):
        response = super().render_page(request, api, **kwargs)
        response.content = response.content.replace(b"<html>", b'<html lang="en-GB">', 1)
        return response


api = NinjaAPI(
    title="Kinfolk API",
    version="1",
    description=(
        "Kinfolk's JSON API. Every endpoint applies the same permission rules as the pages: "
        "a person's record is returned only to them, to people they chose, and to workers "
        "allocated to them, and every read is audited. Authenticate with a bearer token from "
        "the 'Sign-in and security' page, or with a signed-in browser session (send the "
        "CSRF token with unsafe methods)."
    ),
    auth=[TokenAuth(), BrowserSessionAuth()],
    urls_namespace="api",
    docs_url="/docs",
    docs=SwaggerInEnglish(),
)
api.add_router("/", accounts_router)
api.add_router("/people", people_router)
api.add_router("/shared-lives", shared_lives_router)
api.add_router("/wellbeing", wellbeing_router)
api.add_router("/social-prescribing", prescribing_router)
api.add_router("/budgets", budgets_router)


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    message = str(exc) or "You do not have permission to do that."
    return api.create_response(request, {"detail": message}, status=403)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    first = next(iter(errors.values()))[0]
    return api.create_response(request, {"detail": first, "errors": errors}, status=422)


@api.exception_handler(NinjaValidationError)
def invalid_request(request, exc):
    problems = [
        f"{'.'.join(str(p) for p in error.get('loc', [])[1:]) or 'body'}: {error.get('msg')}"
        for error in exc.errors
    ]
    return api.create_response(
        request,
        {"detail": "The request is not valid: " + "; ".join(problems), "errors": exc.errors},
        status=422,
    )


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(
        request, {"detail": "Sign in, or send a valid API token."}, status=401
    )
