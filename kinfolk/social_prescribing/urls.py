from django.urls import path

from . import views

app_name = "social_prescribing"
urlpatterns = [
    path("refer/", views.refer, name="refer"),
    path("my-referrals/", views.my_referrals, name="my_referrals"),
    path("inbox/", views.inbox, name="inbox"),
    path("inbox/<int:referral_id>/take/", views.take, name="take"),
    path("referrals/<int:referral_id>/", views.referral_detail, name="referral"),
    path("referrals/<int:referral_id>/conversations/", views.conversation, name="conversation"),
    path("referrals/<int:referral_id>/goals/", views.goal, name="goal"),
    path("referrals/<int:referral_id>/community/", views.community, name="community_refer"),
    path("referrals/<int:referral_id>/outcome/", views.outcome, name="outcome"),
    path("referrals/<int:referral_id>/close/", views.close, name="close"),
    path("referrals/<int:referral_id>/decline/", views.decline, name="decline"),
    path("community/", views.community_requests, name="community"),
    path("community/<int:sent_id>/decide/", views.community_decide, name="community_decide"),
    path("community/<int:sent_id>/started/", views.community_started, name="community_started"),
    path("reports/", views.reports, name="reports"),
]
