from django.urls import path

from . import views

app_name = "budgets"
urlpatterns = [
    path("waiting/", views.waiting, name="waiting"),
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
