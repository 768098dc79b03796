from django.urls import path

from .arrangements import views as arrangements
from .carers import views as carers
from .diary import views as diary
from .introductions import views as introductions
from .overview import views as overview
from .referrals import views as referrals

app_name = "sharedlives"
urlpatterns = [
    path("", overview.dashboard, name="dashboard"),
    path("people/<uuid:person_id>/refer/", referrals.referral_create, name="referral_create"),
    path("people/<uuid:person_id>/matches/", introductions.my_matches, name="my_matches"),
    path(
        "people/<uuid:person_id>/matches/easy-read/",
        introductions.my_matches_easy,
        name="my_matches_easy",
    ),
    path("referrals/<int:referral_id>/", referrals.referral_detail, name="referral"),
    path("referrals/<int:referral_id>/home-first/", referrals.home_first, name="home_first"),
    path("referrals/<int:referral_id>/assessment/", referrals.assessment, name="assessment"),
    path("referrals/<int:referral_id>/easy-read/", referrals.easy_read, name="easy_read"),
    path("referrals/<int:referral_id>/interest/", introductions.interest, name="interest"),
    path("referrals/<int:referral_id>/not-for-me/", introductions.not_for_me, name="not_for_me"),
    path("not-for-me/<int:not_for_me_id>/show-again/", introductions.show_again, name="show_again"),
    path("introduction-requests/", introductions.carer_requests, name="carer_requests"),
    path(
        "introductions/<int:introduction_id>/",
        introductions.introduction_detail,
        name="introduction",
    ),
    path(
        "introductions/<int:introduction_id>/easy-read/",
        introductions.introduction_easy,
        name="introduction_easy",
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
    path(
        "introductions/<int:introduction_id>/meetings/new/",
        diary.meeting_propose,
        name="meeting_propose",
    ),
    path("meetings/<int:meeting_id>/suits/", diary.meeting_accept, name="meeting_accept"),
    path("meetings/<int:meeting_id>/move/", diary.meeting_move, name="meeting_move"),
    path("meetings/<int:meeting_id>/cancel/", diary.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:meeting_id>/happened/", diary.meeting_held, name="meeting_held"),
    path("meetings/<int:meeting_id>/calendar.ics", diary.meeting_calendar, name="meeting_calendar"),
    path("arrangements/<int:arrangement_id>/", arrangements.arrangement_detail, name="arrangement"),
    path(
        "arrangements/<int:arrangement_id>/easy-read/",
        arrangements.arrangement_easy,
        name="arrangement_easy",
    ),
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
    path("carers/<int:carer_id>/invite/", carers.carer_invite, name="carer_invite"),
    path(
        "carers/<int:carer_id>/changes/<int:change_id>/accept/",
        carers.household_change_accept,
        name="household_change_accept",
    ),
    path(
        "carers/<int:carer_id>/changes/<int:change_id>/return/",
        carers.household_change_return,
        name="household_change_return",
    ),
    path("carers/<int:carer_id>/photos/", carers.household_photos, name="household_photos"),
    path(
        "carers/<int:carer_id>/photos/<int:photo_id>/",
        carers.household_photo,
        name="household_photo",
    ),
    path(
        "carers/<int:carer_id>/photos/<int:photo_id>/remove/",
        carers.household_photo_remove,
        name="household_photo_remove",
    ),
    path("become-a-carer/<slug:area_slug>/", carers.carer_apply, name="carer_apply"),
    path("become-a-carer/<slug:area_slug>/sent/", carers.carer_applied, name="carer_applied"),
    path("my-household/", carers.my_household, name="my_household"),
    path("my-household/profile/", carers.my_household_profile, name="my_household_profile"),
    path("my-household/statement/", carers.my_statement, name="my_statement"),
    path("due/", overview.due, name="due"),
    path("introduction-plan/", overview.introduction_plan, name="introduction_plan"),
    path("reports/", overview.reports, name="reports"),
    path("payments/", arrangements.payment_schedule, name="payments"),
]
