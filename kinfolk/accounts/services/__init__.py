"""Accounts' writes and checks, one module per journey; the names most callers need, here."""

from .memberships import (
    actor_for,
    default_membership,
    membership_add,
    membership_remove,
    memberships_of,
)
from .notices import tell_account_owner
from .passwords import (
    password_change,
    password_reset_complete,
    password_reset_request,
    password_reset_user,
)
from .sign_in import (
    SignInPaused,
    active_user,
    client_address,
    mfa_required,
    password_check,
    sign_in_failure_record,
    sign_in_success_record,
    sign_in_wait,
)
from .tokens import (
    DEFAULT_LIFETIME_DAYS,
    TOKEN_LIFETIMES_DAYS,
    api_token_actor,
    api_token_issue,
    api_token_revoke,
)
from .two_step import (
    SecondStepRefused,
    mfa_reset,
    recovery_codes_issue,
    recovery_codes_replace,
    second_step_check,
    totp_enrol,
    totp_new_secret,
    totp_provisioning_uri,
    totp_verify,
)

__all__ = [
    "DEFAULT_LIFETIME_DAYS",
    "TOKEN_LIFETIMES_DAYS",
    "SecondStepRefused",
    "SignInPaused",
    "active_user",
    "actor_for",
    "api_token_actor",
    "api_token_issue",
    "api_token_revoke",
    "client_address",
    "default_membership",
    "membership_add",
    "membership_remove",
    "memberships_of",
    "mfa_required",
    "mfa_reset",
    "password_change",
    "password_check",
    "password_reset_complete",
    "password_reset_request",
    "password_reset_user",
    "recovery_codes_issue",
    "recovery_codes_replace",
    "second_step_check",
    "sign_in_failure_record",
    "sign_in_success_record",
    "sign_in_wait",
    "tell_account_owner",
    "totp_enrol",
    "totp_new_secret",
    "totp_provisioning_uri",
    "totp_verify",
]
