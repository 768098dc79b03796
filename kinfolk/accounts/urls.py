from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.sign_in, name="login"),
    path("mfa/", views.mfa_verify, name="mfa_verify"),
    path("mfa/setup/", views.mfa_setup, name="mfa_setup"),
    path("mfa/recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("mfa/recovery-codes/new/", views.recovery_codes_new, name="recovery_codes_new"),
    path("logout/", views.sign_out, name="logout"),
    path("acting-as/", views.acting_as, name="acting_as"),
    path("security/", views.security, name="security"),
    path("security/tokens/<int:token_id>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("password/", views.password_change, name="password_change"),
    path("password-reset/", views.password_reset, name="password_reset"),
    path(
        "password-reset/<str:uidb64>/<str:token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
]
urlpatterns += [
    path("memberships/", views.memberships, name="memberships"),
    path(
        "memberships/<int:membership_id>/remove/", views.membership_remove, name="membership_remove"
    ),
    path("memberships/<int:membership_id>/reset-two-step/", views.mfa_reset, name="mfa_reset"),
]
