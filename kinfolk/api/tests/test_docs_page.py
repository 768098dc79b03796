"""The API's documentation page is a proper HTML page: it says which language it is in."""

import re

from django.test import Client


def test_the_api_docs_page_declares_its_language(db):
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<html[^>]*\blang="en-GB"', html), html[:200]
    assert "<title>" in html
