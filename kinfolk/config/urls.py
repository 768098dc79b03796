from django.urls import include, path

from kinfolk.api.api import api
from kinfolk.directory.urls import openreferral_patterns

urlpatterns = [
    path("", include("kinfolk.home.urls")),
    path("", include("kinfolk.core.urls")),
    path("accounts/", include("kinfolk.accounts.urls")),
    path("notifications/", include("kinfolk.notifications.urls")),
    path("people/", include("kinfolk.people.urls")),
    path("shared-lives/", include("kinfolk.sharedlives.urls")),
    path("wellbeing/", include("kinfolk.wellbeing.urls")),
    path("directory/", include("kinfolk.directory.urls")),
    path("social-prescribing/", include("kinfolk.social_prescribing.urls")),
    path("accountability/", include("kinfolk.accountability.urls")),
    path("family-carers/", include("kinfolk.family_carers.urls")),
    path("budgets/", include("kinfolk.budgets.urls")),
    path("openreferral/", include(openreferral_patterns)),
    path("api/v1/", api.urls),
]

handler400 = "kinfolk.core.views.bad_request"
handler403 = "kinfolk.core.views.permission_denied"
handler404 = "kinfolk.core.views.page_not_found"
handler500 = "kinfolk.core.views.server_error"
