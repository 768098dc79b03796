from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.centre, name="centre"),
    path("<int:notification_id>/open/", views.open_notification, name="open"),
    path("read-all/", views.read_all, name="read_all"),
    path("choices/", views.choices, name="choices"),
    path("test-message/", views.test_message, name="test_message"),
    path("outbox/", views.outbox, name="outbox"),
    path("scheduled-jobs/", views.scheduled, name="scheduled"),
]
