"""The one shape of a page that changes something (kinfolk.core.posting)."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from kinfolk.core.posting import form_posted


class NameForm(forms.Form):
    name = forms.CharField(label="Name")


def _request(method="post", data=None):
    request = getattr(RequestFactory(), method)("/", data or {})
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def test_a_valid_post_acts_says_and_goes_on():
    stored = []
    request = _request(data={"name": "Ada"})
    done = form_posted(
        request,
        NameForm(request.POST),
        act=lambda data: stored.append(data["name"]) or data["name"],
        said=lambda name: f"{name} was added.",
        then="/next/",
    )
    assert done.url == "/next/" and stored == ["Ada"]
    assert [str(m) for m in get_messages(request)] == ["Ada was added."]


@pytest.mark.parametrize("method,data", [("get", {}), ("post", {"name": ""})])
def test_a_form_not_yet_sent_or_not_valid_is_shown_again_and_nothing_is_done(method, data):
    request = _request(method, data)
    form = NameForm(request.POST if method == "post" else None)
    acted = []
    assert form_posted(request, form, act=acted.append, said="x", then="/") is None
    assert acted == []


def test_a_refusal_by_the_service_is_shown_by_the_question():
    request = _request(data={"name": "Ada"})
    form = NameForm(request.POST)

    def refuse(data):
        raise ValidationError({"name": "Ada is already on the list."})

    assert form_posted(request, form, act=refuse, said="x", then="/") is None
    assert form.errors["name"] == ["Ada is already on the list."]
    assert list(get_messages(request)) == []
