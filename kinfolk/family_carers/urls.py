from django.urls import path

from . import views
from .concerns import views as concerns
from .equipment import views as equipment

app_name = "family_carers"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("add/", views.add, name="add"),
    path("link/", views.link, name="link"),
    path("plans/<int:cared_for_id>/", views.plan, name="plan"),
    path("plans/<int:cared_for_id>/print/", views.print_plan, name="print"),
    path("plans/<int:cared_for_id>/edit/", views.edit, name="edit"),
    path("plans/<int:cared_for_id>/contacts/", views.contact_add, name="contact_add"),
    path("plans/<int:cared_for_id>/card/", views.card_issue, name="card_issue"),
    path("plans/<int:cared_for_id>/card/cancel/", views.card_cancel, name="card_cancel"),
    path("plans/<int:cared_for_id>/card.pdf", views.card_download, name="card_download"),
    path("contacts/<int:contact_id>/remove/", views.contact_remove, name="contact_remove"),
    path("contacts/<int:contact_id>/up/", views.contact_up, name="contact_up"),
    path("answers/<int:cared_for_id>/", views.answer, name="answer"),
    path("back-up/<str:token>/", views.contact_answer, name="contact_answer"),
    path("card/", views.card, name="card"),
    path("opened/<int:opening_id>/", views.opened, name="opened"),
    path("opened/<int:opening_id>/calls/", views.call, name="call"),
    path("assessment/", views.assessment, name="assessment"),
    path("assessment-requests/", views.assessment_requests, name="assessment_requests"),
    path(
        "assessment-requests/<int:request_id>/",
        views.assessment_status,
        name="assessment_status",
    ),
    path("emergency-number/", views.emergency_number, name="emergency_number"),
    path("equipment/new/<uuid:person_id>/", equipment.equipment_new, name="equipment_new"),
    path("equipment/figures/", equipment.equipment_figures, name="equipment_figures"),
    path("equipment/<int:equipment_id>/", equipment.equipment, name="equipment"),
    path("equipment/parts/<int:part_id>/", equipment.part, name="equipment_part"),
    path("concerns/", concerns.concerns, name="concerns"),
    path("concerns/figures/", concerns.concern_figures, name="concern_figures"),
    path("concerns/new/<uuid:person_id>/", concerns.concern_new, name="concern_new"),
    path("concerns/<int:concern_id>/", concerns.concern, name="concern"),
]
