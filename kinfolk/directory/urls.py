from django.urls import path

from . import openreferral, views

app_name = "directory"
urlpatterns = [
    path("", views.search, name="search"),
    path("services/<uuid:service_id>/", views.service_page, name="service"),
    path("shortlists/", views.shortlist_send, name="shortlist_send"),
    path("shortlists/<uuid:person_id>/", views.shortlists, name="shortlists"),
    path("list-your-enterprise/", views.listing_new, name="listing_new"),
    path("listings/", views.listings, name="listings"),
    path("listings/<uuid:organization_id>/decide/", views.listing_decide, name="listing_decide"),
    path("listings/<uuid:organization_id>/confirm/", views.listing_confirm, name="listing_confirm"),
]

openreferral_patterns = (
    [
        path("", openreferral.index, name="index"),
        path("openapi.json", openreferral.openapi, name="openapi"),
        path("services", openreferral.services, name="services"),
        path("services/<str:service_id>", openreferral.service, name="service"),
        path("service_at_locations", openreferral.service_at_locations, name="sals"),
        path("service_at_locations/<str:sal_id>", openreferral.service_at_location, name="sal"),
        path("taxonomies", openreferral.taxonomies, name="taxonomies"),
        path("taxonomies/<str:taxonomy_id>", openreferral.taxonomy, name="taxonomy"),
        path("taxonomy_terms", openreferral.taxonomy_terms, name="terms"),
        path("taxonomy_terms/<str:term_id>", openreferral.taxonomy_term, name="term"),
        path("organizations", openreferral.organizations, name="organizations"),
        path("organizations/<str:organization_id>", openreferral.organization, name="organization"),
        path("<path:rest>", openreferral.not_found, name="not_found"),
    ],
    "openreferral",
)
