"""API for person records and who they are shared with; the same rules as the pages."""

from datetime import date
from uuid import UUID

from ninja import Field, Router, Schema, Status
from pydantic import field_validator

from kinfolk.core.text import DateOfBirth, Name, OptionalName, Reason

from . import selectors, services
from .models import GrantScope, Relationship

router = Router(tags=["people"])


class PersonSummaryOut(Schema):
    id: UUID
    given_name: str
    family_name: str
    preferred_name: str


class PersonOut(PersonSummaryOut):
    date_of_birth: date | None
    email: str
    phone: str
    address: str
    postcode: str
    nhs_number: str
    communication_needs: str
    what_matters_to_me: str
    can_do: str
    could_do_with_support: str
    rely_on_services_for: str
    updated_at: str = Field(..., description="When the record last changed (ISO 8601)")

    @staticmethod
    def resolve_updated_at(person) -> str:
        return person.updated_at.isoformat()


class PersonIn(Schema):
    given_name: Name = Field(..., min_length=1, max_length=100)
    family_name: Name = Field(..., min_length=1, max_length=100)
    preferred_name: OptionalName = Field("", max_length=100)
    date_of_birth: DateOfBirth | None = None
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=40)
    address: str = ""
    postcode: str = Field("", max_length=10)
    nhs_number: str = Field("", max_length=14, description="Optional; checked with modulus 11")
    communication_needs: str = ""
    what_matters_to_me: str = ""
    can_do: str = ""
    could_do_with_support: str = ""
    rely_on_services_for: str = ""


class PersonPatch(Schema):
    """Send only what changes. Only date_of_birth may be null (to clear it); clear text with ""."""

    given_name: Name | None = Field(None, min_length=1, max_length=100)
    family_name: Name | None = Field(None, min_length=1, max_length=100)
    preferred_name: OptionalName | None = Field(None, max_length=100)
    date_of_birth: DateOfBirth | None = None
    email: str | None = Field(None, max_length=254)
    phone: str | None = Field(None, max_length=40)
    address: str | None = None
    postcode: str | None = Field(None, max_length=10)
    nhs_number: str | None = Field(None, max_length=14)
    communication_needs: str | None = None
    what_matters_to_me: str | None = None
    can_do: str | None = None
    could_do_with_support: str | None = None
    rely_on_services_for: str | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _no_null_text(cls, value, info):
        if value is None and info.field_name != "date_of_birth":
            raise ValueError('cannot be null: leave it out to keep it, or send "" to clear it')
        return value


class GrantOut(Schema):
    id: int
    grantee_email: str
    grantee_name: str
    relationship: Relationship
    scope: GrantScope
    granted_at: str

    @staticmethod
    def resolve_grantee_email(grant) -> str:
        return grant.grantee.email

    @staticmethod
    def resolve_grantee_name(grant) -> str:
        return grant.grantee.display_name

    @staticmethod
    def resolve_granted_at(grant) -> str:
        return grant.granted_at.isoformat()


class GrantIn(Schema):
    grantee_email: str = Field(..., max_length=254)
    relationship: Relationship
    scope: GrantScope


class BreakGlassIn(Schema):
    reason: Reason = Field(
        ..., description="Why you need emergency access (at least 20 characters)"
    )


class BreakGlassOut(Schema):
    person_id: UUID
    expires_at: str = Field(..., description="When the emergency access ends (ISO 8601)")

    @staticmethod
    def resolve_expires_at(access) -> str:
        return access.expires_at.isoformat()


@router.get("", response=list[PersonSummaryOut], summary="People whose records you may see")
def people_list(request):
    return selectors.people_list_for_actor(actor=request.auth)


@router.post("", response={201: PersonOut}, summary="Start a person's record")
def person_create(request, payload: PersonIn):
    return Status(201, services.person_create(actor=request.auth, **payload.dict()))


@router.get("/{person_id}", response=PersonOut, summary="A person's record (audited)")
def person_detail(request, person_id: UUID):
    return selectors.person_get(actor=request.auth, person_id=person_id)


@router.patch("/{person_id}", response=PersonOut, summary="Change a person's record")
def person_update(request, person_id: UUID, payload: PersonPatch):
    person = selectors.person_get(actor=request.auth, person_id=person_id, rule="edit_person")
    changes = payload.dict(exclude_unset=True)
    services.person_update(actor=request.auth, person=person, changes=changes)
    return person


@router.get(
    "/{person_id}/grants",
    response=list[GrantOut],
    summary="Who the person has chosen to share their record with",
)
def grants_list(request, person_id: UUID):
    person = selectors.person_get(actor=request.auth, person_id=person_id, rule="manage_sharing")
    return list(selectors.live_grants_for_person(person=person))


@router.post(
    "/{person_id}/grants",
    response={201: GrantOut},
    summary="Share the record with a named representative",
)
def grant_create(request, person_id: UUID, payload: GrantIn):
    person = selectors.person_get(
        actor=request.auth, person_id=person_id, rule="manage_sharing", audit_as=None
    )
    grant = services.access_grant(
        actor=request.auth,
        person=person,
        grantee_email=payload.grantee_email,
        relationship=payload.relationship,
        scope=payload.scope,
    )
    return Status(201, grant)


@router.delete(
    "/{person_id}/grants/{grant_id}", response={204: None}, summary="Take away someone's access"
)
def grant_revoke(request, person_id: UUID, grant_id: int):
    person = selectors.person_get(
        actor=request.auth, person_id=person_id, rule="manage_sharing", audit_as=None
    )
    services.access_revoke(
        actor=request.auth, grant=selectors.grant_get(person=person, grant_id=grant_id)
    )
    return Status(204, None)


@router.post(
    "/{person_id}/emergency-access",
    response={201: BreakGlassOut},
    summary="Open time-limited emergency access with a reason",
)
def break_glass(request, person_id: UUID, payload: BreakGlassIn):
    person = selectors.person_get(
        actor=request.auth, person_id=person_id, rule="break_glass", audit_as=None
    )
    access = services.break_glass_open(actor=request.auth, person=person, reason=payload.reason)
    return Status(201, access)


@router.delete(
    "/{person_id}/allocations/{assignment_id}",
    response={204: None},
    summary="End a worker's allocation to a person (area admin); their access ends at once",
)
def allocation_end(request, person_id: UUID, assignment_id: int):
    assignment = selectors.allocation_get_for_admin(
        actor=request.auth, assignment_id=assignment_id, person_id=person_id
    )
    services.assignment_end(actor=request.auth, assignment=assignment)
    return Status(204, None)
