"""Where a form may send people back to: only a path on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def same_site_path(value: str | None) -> str | None:
    """The value if it is a path on this site (one leading /, not // or /\\), else None."""
    if not value or not value.startswith("/") or value[1:2] in ("/", "\\"):
        return None
    if any(ch.isspace() or ord(ch) < 32 or ch == "\\" for ch in value):
        return None  # browsers drop tabs and newlines and read \ as /: "/\t/evil" is "//evil"
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=None):
        return None
    return value
