from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("new/", views.person_create, name="create"),
    path("allocate/", views.allocate, name="allocate"),
    path("allocations/<int:assignment_id>/end/", views.allocation_end, name="allocation_end"),
    path("emergency-access/", views.break_glass_report, name="break_glass_report"),
    path("<uuid:person_id>/", views.person_detail, name="detail"),
    path("<uuid:person_id>/edit/", views.person_edit, name="edit"),
    path("<uuid:person_id>/sharing/", views.person_sharing, name="sharing"),
    path("<uuid:person_id>/sharing/easy-read/", views.person_sharing_easy, name="sharing_easy"),
    path("<uuid:person_id>/sharing/<int:grant_id>/revoke/", views.grant_revoke, name="revoke"),
    path("<uuid:person_id>/activity/", views.record_activity, name="activity"),
    path("<uuid:person_id>/emergency-access/", views.break_glass, name="break_glass"),
]
