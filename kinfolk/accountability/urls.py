from django.urls import path

from . import views
from .outcomes import views as outcomes
from .scores import views as scores

app_name = "accountability"
urlpatterns = [
    path("scores/", scores.mine, name="my_scores"),
    path("scores/<int:episode_id>/", scores.score, name="score"),
    path("scores/words/", scores.words, name="score_words"),
    path("<slug:area_slug>/scores/", scores.public, name="public_scores"),
    path("outcomes/", outcomes.contracts, name="outcome_contracts"),
    path("outcomes/new/", outcomes.contract_new, name="outcome_contract_new"),
    path("outcomes/<int:contract_id>/", outcomes.contract, name="outcome_contract"),
    path("outcomes/claims/<int:claim_id>/", outcomes.claim, name="outcome_claim"),
    path("commitments/", views.manage, name="manage"),
    path("commitments/new/", views.add, name="add"),
    path("commitments/import/", views.import_csv, name="import"),
    path("commitments/<int:commitment_id>/progress/", views.progress, name="progress"),
    path("commitments/<int:commitment_id>/publish/", views.publish, name="publish"),
    path("<slug:area_slug>/commitments/", views.public_commitments, name="public"),
    path(
        "<slug:area_slug>/commitments/<int:commitment_id>/",
        views.public_commitment,
        name="public_commitment",
    ),
    path(
        "<slug:area_slug>/commitments.<str:fmt>",
        views.open_data,
        name="open_data",
    ),
    # Last: an area's hub page, after every fixed address above.
    path("<slug:area_slug>/", views.hub, name="hub"),
]
