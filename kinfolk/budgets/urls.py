from django.urls import path

from . import setting_up, views

app_name = "budgets"
urlpatterns = [
    path("waiting/", views.waiting, name="waiting"),
    path("new/", setting_up.find_person, name="set_up_find"),
    path("new/<uuid:person_id>/", setting_up.set_up, name="set_up"),
    path("<int:budget_id>/plan/words/", setting_up.plan_words, name="plan_words"),
    path("<int:budget_id>/review/", setting_up.review, name="review"),
    path("managed/", views.managed, name="managed"),
    path("<int:budget_id>/", views.budget, name="budget"),
    path("<int:budget_id>/statement.csv", views.statement_csv, name="statement_csv"),
    path("<int:budget_id>/plan/outcomes/", views.outcome_add, name="outcome_add"),
    path("<int:budget_id>/plan/agree/", views.plan_agree, name="agree"),
    path("<int:budget_id>/plan/approve/", views.plan_approve, name="approve"),
    path("<int:budget_id>/payments/", views.payment, name="payment"),
    path("<int:budget_id>/money-in/", views.money_in, name="money_in"),
    path(
        "<int:budget_id>/movements/<int:movement_id>/reverse/",
        views.reverse_movement,
        name="reverse",
    ),
]
