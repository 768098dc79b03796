"""Reading a page as a person does: the words on it, without markup."""

import html
import re

from django.utils.html import strip_tags


def words_on(page: str) -> str:
    """The text a person reads on an HTML page, with entities decoded and spaces collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(strip_tags(body))).strip()
