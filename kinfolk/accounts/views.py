"""Sign in, two-step verification, sign out, choosing a role, security settings."""

import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from kinfolk.core.audit import audit_list_view, audit_record
from kinfolk.core.models import AuditAction
from kinfolk.core.pagination import paginate
from kinfolk.core.permissions import require
from kinfolk.core.posting import form_posted

from . import services
from .forms import (
    ActingAsForm,
    ApiTokenForm,
    EnrolForm,
    MembershipForm,
    MembershipSearchForm,
    PasswordChangeForm,
    PasswordResetForm,
    PasswordResetRequestForm,
    SecondStepForm,
    SignInForm,
)
from .middleware import ACTING_MEMBERSHIP_KEY
from .models import User
from .rules import may_issue_api_token
from .selectors import (
    api_token_of,
    live_api_tokens,
    membership_get,
    memberships_found,
    recovery_codes_left,
)

PENDING_USER = "pending_user_id"
PENDING_NEXT = "pending_next"
ENROL_SECRET = "mfa_enrol_secret"
NEW_RECOVERY_CODES = "new_recovery_codes"
# Set when this session passed a second step (app or recovery code).
SECOND_STEP_DONE = "second_step_done"
WRONG_CODE = "That code is not right. Enter the code your app shows now."


def paused_message(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    wait = "1 minute" if minutes == 1 else f"{minutes} minutes"
    return (
        "There have been too many attempts to sign in. For your security, wait "
        f"{wait} and try again, reset your password, or ask your area admin for help."
    )


def _safe_next(request, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return "/"


def _complete_sign_in(request, user: User, next_url: str, *, second_step: bool):
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SECOND_STEP_DONE] = second_step
    services.sign_in_success_record(user=user, ip_address=services.client_address(request))
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
        return redirect("home:home")
    form = SignInForm(request.POST or None)
    problem = None
    if request.method == "POST" and form.is_valid():
        try:
            user = services.password_check(
                request=request,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        except services.SignInPaused as paused:
            user, problem = None, paused_message(paused.seconds)
        if user is not None:
            next_url = _safe_next(request, request.GET.get("next"))
            if not services.mfa_required(user):
                return _complete_sign_in(request, user, next_url, second_step=False)
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
    """The second step: a code from the user's authenticator app, or a recovery code."""
    if request.user.is_authenticated:
        return redirect("home:home")
    user = _pending_user(request)
    if user is None or not user.mfa_enabled:
        return redirect("accounts:login")
    form = SecondStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = services.client_address(request)
        wait = services.sign_in_wait(email=user.email, ip_address=address)
        if wait:
            form.add_error("code", paused_message(wait))
        elif services.second_step_check(user=user, code=form.cleaned_data["code"]):
            next_url = request.session.get(PENDING_NEXT, "/")
            return _complete_sign_in(request, user, next_url, second_step=True)
        else:
            services.sign_in_failure_record(email=user.email, ip_address=address)
            form.add_error(
                "code",
                "That code is not right. Enter the code your app shows now, or an unused "
                "recovery code.",
            )
    return render(request, "accounts/mfa_verify.jinja", {"form": form})


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    return svg.replace(
        "<svg ", '<svg role="img" aria-label="QR code for your authenticator app" ', 1
    )


def _enrolling_user(request) -> User | None:
    """Who may set up an app here: a signed-in user, or, part way through signing in, only
    someone whose account has no second step yet (first set-up)."""
    if request.user.is_authenticated:
        return request.user
    pending = _pending_user(request)
    if pending is None or pending.mfa_enabled:
        return None
    return pending


def mfa_setup(request):
    """Set up two-step verification with an authenticator app, or move it to a new one."""
    user = _enrolling_user(request)
    if user is None:
        pending = _pending_user(request)
        return redirect("accounts:mfa_verify" if pending else "accounts:login")
    secret = request.session.get(ENROL_SECRET) or services.totp_new_secret()
    request.session[ENROL_SECRET] = secret
    replacing = user.mfa_enabled
    form = EnrolForm(request.POST or None, replacing=replacing)
    if request.method == "POST" and form.is_valid():
        try:
            enrolled = services.totp_enrol(
                user=user,
                secret=secret,
                code=form.cleaned_data["code"],
                current_code=form.cleaned_data.get("current_code", ""),
            )
        except services.SecondStepRefused:
            form.add_error(
                "current_code",
                "That code is not right. Enter the code your current app shows now, or an "
                "unused recovery code.",
            )
        else:
            if enrolled:
                return _enrolled(request, user, replacing=replacing)
            form.add_error("code", "That code is not right. Enter the code the new app shows now.")
    uri = services.totp_provisioning_uri(user=user, secret=secret)
    return render(
        request,
        "accounts/mfa_setup.jinja",
        {
            "form": form,
            "secret": secret,
            "qr_svg": _qr_svg(uri),
            "required": not request.user.is_authenticated,
            "replacing": replacing,
        },
    )


def _enrolled(request, user: User, *, replacing: bool):
    del request.session[ENROL_SECRET]
    codes = services.recovery_codes_issue(user=user)
    if not request.user.is_authenticated:
        next_url = request.session.get(PENDING_NEXT, "/")
        _complete_sign_in(request, user, next_url, second_step=True)
    request.session[SECOND_STEP_DONE] = True
    request.session[NEW_RECOVERY_CODES] = codes
    if replacing:
        messages.success(request, "Two-step verification now uses your new app.")
    else:
        messages.success(request, "Two-step verification is on.")
    return redirect("accounts:recovery_codes")


@login_required
def recovery_codes(request):
    """New recovery codes, shown once."""
    codes = request.session.pop(NEW_RECOVERY_CODES, None)
    return render(request, "accounts/recovery_codes.jinja", {"codes": codes})


@login_required
def recovery_codes_new(request):
    """Make new recovery codes (the old ones stop working); needs a current code."""
    if not request.user.mfa_enabled:
        return redirect("accounts:security")
    form = SecondStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.recovery_codes_replace(
                user=request.user, code=form.cleaned_data["code"]
            )
        except services.SecondStepRefused:
            form.add_error("code", WRONG_CODE)
        else:
            request.session[NEW_RECOVERY_CODES] = codes
            return redirect("accounts:recovery_codes")
    return render(request, "accounts/recovery_codes_new.jinja", {"form": form})


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
        return redirect("home:home")
    return render(request, "accounts/acting_as.jinja", {"form": form})


@login_required
def security(request):
    """Password, two-step verification, recovery codes and API tokens for machine clients."""
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            new_token = services.api_token_issue(
                actor=request.actor,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
                second_step_done=bool(request.session.get(SECOND_STEP_DONE)),
            )
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            form = ApiTokenForm()
    return render(
        request,
        "accounts/security.jinja",
        {
            "form": form,
            "new_token": new_token,
            "tokens": live_api_tokens(membership=request.actor.membership),
            "mfa_required": services.mfa_required(request.user),
            "recovery_codes_left": recovery_codes_left(user=request.user),
            "token_needs_second_step": not may_issue_api_token(
                request.actor, bool(request.session.get(SECOND_STEP_DONE))
            ),
        },
    )


@login_required
@require_POST
def api_token_revoke(request, token_id):
    """Stop one of your API tokens working."""
    token = api_token_of(user=request.user, token_id=token_id)
    if token is None:
        raise Http404
    services.api_token_revoke(actor=request.actor, token=token)
    messages.success(request, f"The token “{token.name}” no longer works.")
    return redirect("accounts:security")


@login_required
def password_change(request):
    """Change your password, giving the current one first."""
    form = PasswordChangeForm(request.POST or None)

    def change(data):
        services.password_change(
            user=request.user,
            current_password=data["current_password"],
            new_password=data["new_password"],
        )
        update_session_auth_hash(request, request.user)

    if done := form_posted(
        request,
        form,
        act=change,
        said="Your password has been changed.",
        then=reverse("accounts:security"),
    ):
        return done
    return render(request, "accounts/password_change.jinja", {"form": form})


def password_reset(request):
    """Ask for a password reset link by email. The answer never says whether an account exists."""
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def link_for(uidb64, token):
            path = reverse("accounts:password_reset_confirm", args=[uidb64, token])
            return request.build_absolute_uri(path)

        services.password_reset_request(email=form.cleaned_data["email"], link_for=link_for)
        return render(
            request, "accounts/password_reset_sent.jinja", {"email": form.cleaned_data["email"]}
        )
    return render(request, "accounts/password_reset.jinja", {"form": form})


def password_reset_confirm(request, uidb64, token):
    """Choose a new password from an emailed link; the link then stops working."""
    if services.password_reset_user(uidb64=uidb64, token=token) is None:
        return render(request, "accounts/password_reset_expired.jinja", status=400)
    form = PasswordResetForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.password_reset_complete(
            uidb64=uidb64, token=token, new_password=data["new_password"]
        ),
        said="Your password has been changed. Sign in with it now.",
        then=reverse("accounts:login"),
    ):
        return done
    return render(request, "accounts/password_reset_confirm.jinja", {"form": form})


@login_required
def memberships(request):
    """The area admin's list of who holds which role, searchable, with a form to add one."""
    require(request.actor, "accounts.manage_memberships")
    form = MembershipForm(request.POST or None)
    if done := form_posted(
        request,
        form,
        act=lambda data: services.membership_add(
            actor=request.actor, email=data["email"], role=data["role"]
        ),
        said=lambda membership: f"Added: {membership}.",
        then=reverse("accounts:memberships"),
    ):
        return done
    search = MembershipSearchForm(request.GET or None)
    search.is_valid()
    found = memberships_found(
        area=request.actor.area,
        words=search.cleaned_data.get("words", "") if search.is_bound else "",
        role=search.cleaned_data.get("role", "") if search.is_bound else "",
    )
    page, pagination = paginate(request, found)
    audit_list_view(actor=request.actor, target_type="memberships", count=len(page.object_list))
    return render(
        request,
        "accounts/memberships.jinja",
        {"form": form, "search": search, "page": page, "pagination": pagination},
    )


@login_required
def membership_remove(request, membership_id):
    """The area admin takes a role away, after a page that says what will happen."""
    require(request.actor, "accounts.manage_memberships")
    membership = membership_get(area=request.actor.area, membership_id=membership_id)
    if membership is None:
        raise Http404
    if request.method != "POST":
        _audit_seen(request, membership)
        return render(request, "accounts/membership_remove.jinja", {"membership": membership})
    try:
        services.membership_remove(actor=request.actor, membership=membership)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Removed: {membership}.")
    return redirect("accounts:memberships")


@login_required
def mfa_reset(request, membership_id):
    """The area admin resets two-step verification for someone who lost their app and codes."""
    require(request.actor, "accounts.reset_two_step")
    membership = membership_get(area=request.actor.area, membership_id=membership_id)
    if membership is None:
        raise Http404
    if request.method == "POST":
        try:
            services.mfa_reset(actor=request.actor, membership=membership)
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                f"Two-step verification is reset for {membership.user.display_name}. "
                "They have been told by email.",
            )
        return redirect("accounts:memberships")
    _audit_seen(request, membership)
    return render(request, "accounts/mfa_reset.jinja", {"membership": membership})


def _audit_seen(request, membership) -> None:
    audit_record(
        actor=request.actor,
        action=AuditAction.VIEW,
        target_type="membership",
        target_id=membership.pk,
    )
