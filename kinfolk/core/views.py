"""The pages every public service has (accessibility, privacy, cookies, contact) and the error
pages. The home page is the hub's (kinfolk.home)."""

from django.shortcuts import render


def information(template: str):
    """A public page of plain information (accessibility, privacy, cookies, contact)."""

    def page(request):
        return render(request, f"core/{template}.jinja")

    page.__name__ = template
    page.__doc__ = f"The {template.replace('_', ' ')} page."
    return page


def _error(request, status: int, template: str):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    """A question the page does not answer (a period not offered): said in words, by the page."""
    reason = str(exception) if exception is not None and exception.args else ""
    return render(request, "core/400.jinja", {"reason": reason}, status=400)


def permission_denied(request, exception=None):
    return _error(request, 403, "core/403.jinja")


def page_not_found(request, exception=None):
    return _error(request, 404, "core/404.jinja")


def server_error(request):
    # Deliberately simple: no database, no actor, so it still renders when much has failed.
    return render(request, "core/500.jinja", {"actor": None, "demo_mode": False}, status=500)
