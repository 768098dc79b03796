"""API: who am I, and which roles can I act in."""

from ninja import Router, Schema

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
