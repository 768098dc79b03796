from django.urls import path

from . import views

app_name = "sharedlives"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("people/<uuid:person_id>/refer/", views.referral_create, name="referral_create"),
    path("people/<uuid:person_id>/matches/", views.my_matches, name="my_matches"),
    path("referrals/<int:referral_id>/", views.referral_detail, name="referral"),
    path("referrals/<int:referral_id>/home-first/", views.home_first, name="home_first"),
    path("referrals/<int:referral_id>/assessment/", views.assessment, name="assessment"),
    path("referrals/<int:referral_id>/easy-read/", views.easy_read, name="easy_read"),
    path("referrals/<int:referral_id>/interest/", views.interest, name="interest"),
    path("introduction-requests/", views.carer_requests, name="carer_requests"),
    path("introductions/<int:introduction_id>/", views.introduction_detail, name="introduction"),
    path(
        "introductions/<int:introduction_id>/view/",
        views.introduction_view,
        name="introduction_view",
    ),
    path(
        "introductions/<int:introduction_id>/decline/",
        views.introduction_decline,
        name="introduction_decline",
    ),
    path(
        "introductions/<int:introduction_id>/agree/",
        views.introduction_agree,
        name="introduction_agree",
    ),
    path(
        "introductions/<int:introduction_id>/arrangement/",
        views.arrangement_create,
        name="arrangement_create",
    ),
    path("arrangements/<int:arrangement_id>/", views.arrangement_detail, name="arrangement"),
    path(
        "arrangements/<int:arrangement_id>/reviews/<int:review_id>/",
        views.review_record,
        name="review_record",
    ),
    path(
        "arrangements/<int:arrangement_id>/ask-for-review/",
        views.ask_for_review,
        name="ask_for_review",
    ),
    path("arrangements/<int:arrangement_id>/end/", views.arrangement_end, name="arrangement_end"),
    path("carers/", views.carers, name="carers"),
    path("carers/<int:carer_id>/", views.carer_detail, name="carer"),
    path("carers/<int:carer_id>/steps/", views.carer_check, name="carer_check"),
    path("carers/<int:carer_id>/panel/", views.carer_panel, name="carer_panel"),
    path("carers/<int:carer_id>/training/", views.carer_training, name="carer_training"),
    path(
        "carers/<int:carer_id>/checks/<int:check_id>/",
        views.carer_check_done,
        name="carer_check_done",
    ),
    path("reports/", views.reports, name="reports"),
    path("payments/", views.payment_schedule, name="payments"),
]
