"""Sign in, two-step verification, sign out, choosing a role, security settings."""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kinfolk.core.audit import audit_list_view, audit_record
from kinfolk.core.models import AuditAction

from . import services
from .forms import ActingAsForm, ApiTokenForm, CodeForm, MembershipForm, SignInForm
from .middleware import ACTING_MEMBERSHIP_KEY
from .models import User
from .rules import can_in_area
from .selectors import live_api_tokens, membership_get, memberships_in_area

PENDING_USER = "pending_user_id"
PENDING_NEXT = "pending_next"
ENROL_SECRET = "mfa_enrol_secret"
LOCKED_MESSAGE = (
    "There have been too many attempts to sign in. For your security, wait 15 minutes and "
    "try again, or ask your area admin for help."
)


def _safe_next(request, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return "/"


def _complete_sign_in(request, user: User, next_url: str):
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    membership = services.default_membership(user)
    if membership:
        request.session[ACTING_MEMBERSHIP_KEY] = membership.pk
    audit_record(
        actor=services.actor_for(user, membership.pk if membership else None),
        action=AuditAction.SIGN_IN,
        target_type="user",
        target_id=user.pk,
    )
    return redirect(next_url)


def sign_in(request):
    """Email and password; then a security code when two-step verification applies."""
    if request.user.is_authenticated:
        return redirect("core:home")
    form = SignInForm(request.POST or None)
    problem = None
    if request.method == "POST" and form.is_valid():
        try:
            user = services.password_check(
                request=request,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        except services.SignInLocked:
            user, problem = None, LOCKED_MESSAGE
        if user is not None:
            next_url = _safe_next(request, request.GET.get("next"))
            if not services.mfa_required(user):
                return _complete_sign_in(request, user, next_url)
            request.session.cycle_key()
            request.session[PENDING_USER] = user.pk
            request.session[PENDING_NEXT] = next_url
            return redirect("accounts:mfa_verify" if user.mfa_enabled else "accounts:mfa_setup")
        problem = problem or (
            "The email address or password is not right. Check them and try again."
        )
        form.add_error(None, problem)
    return render(request, "accounts/sign_in.jinja", {"form": form, "problem": problem})


def _pending_user(request) -> User | None:
    return services.active_user(request.session.get(PENDING_USER))


def mfa_verify(request):
    """The second step: a code from the user's authenticator app."""
    if request.user.is_authenticated:
        return redirect("core:home")
    user = _pending_user(request)
    if user is None or not user.mfa_enabled:
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.sign_in_is_locked(email=user.email, ip_address=request.META.get("REMOTE_ADDR")):
            form.add_error("code", LOCKED_MESSAGE)
        elif services.totp_verify(user=user, code=form.cleaned_data["code"]):
            next_url = request.session.get(PENDING_NEXT, "/")
            return _complete_sign_in(request, user, next_url)
        else:
            services.sign_in_failure_record(
                email=user.email, ip_address=request.META.get("REMOTE_ADDR")
            )
            form.add_error("code", "That code is not right. Enter the code your app shows now.")
    return render(request, "accounts/mfa_verify.jinja", {"form": form})


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg.replace(
        "<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1
    )


def mfa_setup(request):
    """Set up two-step verification with an authenticator app."""
    user = request.user if request.user.is_authenticated else _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    secret = request.session.get(ENROL_SECRET) or services.totp_new_secret()
    request.session[ENROL_SECRET] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.totp_enrol(user=user, secret=secret, code=form.cleaned_data["code"]):
            del request.session[ENROL_SECRET]
            if not request.user.is_authenticated:
                return _complete_sign_in(request, user, request.session.get(PENDING_NEXT, "/"))
            messages.success(request, "Two-step verification is on.")
            return redirect("accounts:security")
        form.add_error("code", "That code is not right. Enter the code your app shows now.")
    uri = services.totp_provisioning_uri(user=user, secret=secret)
    return render(
        request,
        "accounts/mfa_setup.jinja",
        {
            "form": form,
            "secret": secret,
            "qr_svg": _qr_svg(uri),
            "required": not request.user.is_authenticated,
        },
    )


@require_POST
def sign_out(request):
    """Sign out and forget the session."""
    if request.user.is_authenticated:
        audit_record(
            actor=request.actor,
            action=AuditAction.SIGN_OUT,
            target_type="user",
            target_id=request.user.pk,
        )
    logout(request)
    messages.success(request, "You have signed out.")
    return redirect("accounts:login")


@login_required
def acting_as(request):
    """Choose which of your roles you are using."""
    memberships = list(services.memberships_of(request.user))
    form = ActingAsForm(
        request.POST or None,
        memberships=memberships,
        initial={"membership": request.actor.membership.pk if request.actor.membership else None},
    )
    if request.method == "POST" and form.is_valid():
        request.session[ACTING_MEMBERSHIP_KEY] = form.cleaned_data["membership"]
        messages.success(request, "You have changed the role you are using.")
        return redirect("core:home")
    return render(request, "accounts/acting_as.jinja", {"form": form})


@login_required
def security(request):
    """Two-step verification status and API tokens for machine clients."""
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        new_token = services.api_token_issue(actor=request.actor, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = live_api_tokens(membership=request.actor.membership)
    return render(
        request,
        "accounts/security.jinja",
        {
            "form": form,
            "new_token": new_token,
            "tokens": tokens,
            "mfa_required": services.mfa_required(request.user),
        },
    )


@login_required
def memberships(request):
    """The area admin's list of who holds which role, with a form to add one."""
    if not can_in_area(request.actor, "manage_memberships"):
        raise PermissionDenied
    form = MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.membership_add(
                actor=request.actor,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, f"Added: {membership}.")
            return redirect("accounts:memberships")
    shown = list(memberships_in_area(area=request.actor.area))
    audit_list_view(actor=request.actor, target_type="memberships", count=len(shown))
    return render(request, "accounts/memberships.jinja", {"form": form, "memberships": shown})


@login_required
@require_POST
def membership_remove(request, membership_id):
    """The area admin takes a role away."""
    if not can_in_area(request.actor, "manage_memberships"):
        raise PermissionDenied
    membership = membership_get(area=request.actor.area, membership_id=membership_id)
    if membership is None:
        raise Http404
    try:
        services.membership_remove(actor=request.actor, membership=membership)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Removed: {membership}.")
    return redirect("accounts:memberships")
