from django.urls import path

from .arrangements import views as arrangements
from .carers import views as carers
from .introductions import views as introductions
from .overview import views as overview
from .referrals import views as referrals

app_name = "sharedlives"
urlpatterns = [
    path("", overview.dashboard, name="dashboard"),
    path("people/<uuid:person_id>/refer/", referrals.referral_create, name="referral_create"),
    path("people/<uuid:person_id>/matches/", introductions.my_matches, name="my_matches"),
    path("referrals/<int:referral_id>/", referrals.referral_detail, name="referral"),
    path("referrals/<int:referral_id>/home-first/", referrals.home_first, name="home_first"),
    path("referrals/<int:referral_id>/assessment/", referrals.assessment, name="assessment"),
    path("referrals/<int:referral_id>/easy-read/", referrals.easy_read, name="easy_read"),
    path("referrals/<int:referral_id>/interest/", introductions.interest, name="interest"),
    path("introduction-requests/", introductions.carer_requests, name="carer_requests"),
    path(
        "introductions/<int:introduction_id>/",
        introductions.introduction_detail,
        name="introduction",
    ),
    path(
        "introductions/<int:introduction_id>/view/",
        introductions.introduction_view,
        name="introduction_view",
    ),
    path(
        "introductions/<int:introduction_id>/decline/",
        introductions.introduction_decline,
        name="introduction_decline",
    ),
    path(
        "introductions/<int:introduction_id>/agree/",
        introductions.introduction_agree,
        name="introduction_agree",
    ),
    path(
        "introductions/<int:introduction_id>/arrangement/",
        arrangements.arrangement_create,
        name="arrangement_create",
    ),
    path("arrangements/<int:arrangement_id>/", arrangements.arrangement_detail, name="arrangement"),
    path(
        "arrangements/<int:arrangement_id>/reviews/<int:review_id>/",
        arrangements.review_record,
        name="review_record",
    ),
    path(
        "arrangements/<int:arrangement_id>/ask-for-review/",
        arrangements.ask_for_review,
        name="ask_for_review",
    ),
    path(
        "arrangements/<int:arrangement_id>/end/",
        arrangements.arrangement_end,
        name="arrangement_end",
    ),
    path("carers/", carers.carers, name="carers"),
    path("carers/<int:carer_id>/", carers.carer_detail, name="carer"),
    path("carers/<int:carer_id>/steps/", carers.carer_check, name="carer_check"),
    path("carers/<int:carer_id>/panel/", carers.carer_panel, name="carer_panel"),
    path("carers/<int:carer_id>/training/", carers.carer_training, name="carer_training"),
    path("carers/<int:carer_id>/panel-date/", carers.carer_panel_date, name="carer_panel_date"),
    path("carers/<int:carer_id>/leave/", carers.carer_leave, name="carer_leave"),
    path(
        "carers/<int:carer_id>/checks/<int:check_id>/",
        carers.carer_check_done,
        name="carer_check_done",
    ),
    path("due/", overview.due, name="due"),
    path("introduction-plan/", overview.introduction_plan, name="introduction_plan"),
    path("reports/", overview.reports, name="reports"),
    path("payments/", arrangements.payment_schedule, name="payments"),
]
