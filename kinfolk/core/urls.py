from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("accessibility/", views.information("accessibility"), name="accessibility"),
    path("privacy/", views.information("privacy"), name="privacy"),
    path("cookies/", views.information("cookies"), name="cookies"),
    path("contact/", views.information("contact"), name="contact"),
]
