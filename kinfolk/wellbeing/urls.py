from django.urls import path

from . import views

app_name = "wellbeing"
urlpatterns = [
    path("people/<uuid:person_id>/", views.how_im_doing, name="how"),
    path("people/<uuid:person_id>/easy-read/", views.how_im_doing_easy, name="how_easy"),
    path("people/<uuid:person_id>/measures/<slug:measure>/", views.measure, name="measure"),
    path("people/<uuid:person_id>/check-in/", views.check_in, name="check_in"),
    path("people/<uuid:person_id>/circle/", views.circle, name="circle"),
    path(
        "people/<uuid:person_id>/circle/<slug:key>/remove/",
        views.circle_remove,
        name="circle_remove",
    ),
    path("people/<uuid:person_id>/sharing/", views.sharing, name="sharing"),
    path("people/<uuid:person_id>/episodes/", views.episode, name="episode"),
    path("connection-test/", views.connection_test, name="connection_test"),
]
