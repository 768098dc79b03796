"""API: who am I, which roles can I act in, and my API tokens (list and revoke)."""

from datetime import datetime

from django.http import Http404
from ninja import Router, Schema, Status

from . import services
from .selectors import api_token_of, live_api_tokens

router = Router(tags=["accounts"])


class MembershipOut(Schema):
    id: int
    area: str
    area_slug: str
    role: str


class MeOut(Schema):
    email: str
    display_name: str
    mfa_enabled: bool
    acting_as: MembershipOut


class TokenOut(Schema):
    id: int
    name: str
    created_at: datetime
    expires_at: datetime
    last_used_at: datetime | None


@router.get("/me", response=MeOut, summary="Who the caller is and which role they act in")
def me(request):
    actor = request.auth
    membership = actor.membership
    return {
        "email": actor.user.email,
        "display_name": actor.user.display_name,
        "mfa_enabled": actor.user.mfa_enabled,
        "acting_as": {
            "id": membership.pk,
            "area": membership.area.name,
            "area_slug": membership.area.slug,
            "role": membership.role,
        },
    }


@router.get(
    "/tokens",
    response=list[TokenOut],
    summary="The caller's working API tokens for this role, with when each was last used",
)
def tokens(request):
    return list(live_api_tokens(membership=request.auth.membership))


@router.delete(
    "/tokens/{token_id}",
    response={204: None},
    summary="Stop one of the caller's own API tokens working (it may be the one in use)",
)
def token_revoke(request, token_id: int):
    token = api_token_of(user=request.auth.user, token_id=token_id)
    if token is None:
        raise Http404
    services.api_token_revoke(actor=request.auth, token=token)
    return Status(204, None)
