from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.sign_in, name="login"),
    path("mfa/", views.mfa_verify, name="mfa_verify"),
    path("mfa/setup/", views.mfa_setup, name="mfa_setup"),
    path("logout/", views.sign_out, name="logout"),
    path("acting-as/", views.acting_as, name="acting_as"),
    path("security/", views.security, name="security"),
]
urlpatterns += [
    path("memberships/", views.memberships, name="memberships"),
    path(
        "memberships/<int:membership_id>/remove/", views.membership_remove, name="membership_remove"
    ),
]
