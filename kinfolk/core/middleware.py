"""Guards every request passes: no NUL characters in what is sent, and no copies of
personal data kept by browsers or proxies."""

import json

from django.http import HttpResponse, JsonResponse

NUL = "\x00"
NUL_MESSAGE = (
    "The request contains a NUL character (\\0), which Kinfolk cannot store. "
    "Remove it and send the request again."
)
JSON_PATHS = ("/api/", "/openreferral/")


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


def _json_body_has_nul(body: bytes) -> bool:
    if b"\\u0000" not in body:
        return False
    try:
        return _has_nul(json.loads(body))
    except ValueError:
        return False  # not JSON: the view says so


def request_has_nul(request) -> bool:
    """Whether the query string, form fields or JSON body holds a NUL character."""
    if any(_has_nul(k) or _has_nul(v) for k, vs in request.GET.lists() for v in [*vs, k]):
        return True
    content_type = request.content_type or ""
    if content_type.startswith("multipart/"):
        return any(_has_nul(k) or _has_nul(vs) for k, vs in request.POST.lists())
    body = request.body
    if b"\x00" in body:
        return True
    if content_type == "application/x-www-form-urlencoded":
        return any(_has_nul(k) or _has_nul(vs) for k, vs in request.POST.lists())
    return _json_body_has_nul(body)


class RefuseNulBytesMiddleware:
    """A NUL character anywhere in a request is a clear 400, never a crash in the database
    (PostgreSQL text columns cannot hold one)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request_has_nul(request):
            if request.path.startswith(JSON_PATHS):
                return JsonResponse({"detail": NUL_MESSAGE}, status=400)
            return HttpResponse(NUL_MESSAGE, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _is_personal(request) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    if request.path.startswith("/api/") and request.headers.get("Authorization"):
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and not session.is_empty())


class NoStoreMiddleware:
    """Responses to signed-in (or half-signed-in) people and to API calls with a token are
    never stored by the browser or a proxy; public pages stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_personal(request):
            response["Cache-Control"] = "no-store"
        return response
