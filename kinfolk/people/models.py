"""The person record, who may see it (grants, allocations, emergency access)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolk.accounts.models import Role
from kinfolk.core.scoping import AreaOwned

from .nhs_number import validate_nhs_number


class Person(AreaOwned):
    """Someone who uses (or may use) support, in their own words."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person_records",
        help_text="The person's own account, if they have one.",
    )
    given_name = models.CharField(max_length=100)
    family_name = models.CharField(max_length=100)
    preferred_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    nhs_number = models.CharField(
        max_length=10, blank=True, validators=[validate_nhs_number], db_index=True
    )
    communication_needs = models.TextField(blank=True)
    what_matters_to_me = models.TextField(blank=True)
    can_do = models.TextField("What I can do", blank=True)
    could_do_with_support = models.TextField("What I could do with support", blank=True)
    rely_on_services_for = models.TextField("What I rely on services for", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [models.Index(fields=["area", "family_name", "given_name"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def told_apart(self) -> str:
        """The name with what tells two people of the same name apart: birth date, postcode area."""
        extra = []
        if self.date_of_birth:
            extra.append(f"born {self.date_of_birth.day} {self.date_of_birth:%B %Y}")
        if self.postcode:
            extra.append(self.postcode.split()[0].upper())
        return f"{self.full_name} ({', '.join(extra)})" if extra else self.full_name

    @property
    def called(self) -> str:
        """What the person likes to be called."""
        return self.preferred_name or self.given_name


class GrantScope(models.TextChoices):
    VIEW = "view", "See my record"
    EDIT = "edit", "See and help keep my record up to date"
    ACT_FOR = "act_for", "Act for me, including deciding who else can see my record"


SCOPE_ORDER = [GrantScope.VIEW, GrantScope.EDIT, GrantScope.ACT_FOR]


def scope_covers(granted: str, needed: str) -> bool:
    """Whether a granted scope includes what is needed."""
    return SCOPE_ORDER.index(GrantScope(granted)) >= SCOPE_ORDER.index(GrantScope(needed))


class Relationship(models.TextChoices):
    FAMILY = "family", "Family"
    FRIEND = "friend", "Friend"
    ADVOCATE = "advocate", "Advocate"
    ATTORNEY = "attorney", "Lasting power of attorney"
    DEPUTY = "deputy", "Court-appointed deputy"
    OTHER = "other", "Someone else"


class AccessGrant(AreaOwned):
    """A person's decision to let a named someone see (or act on) their record."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="grants")
    grantee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants_received"
    )
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    scope = models.CharField(max_length=20, choices=GrantScope.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "grantee"],
                condition=Q(revoked_at__isnull=True),
                name="one_live_grant_per_grantee",
            )
        ]


class Assignment(AreaOwned):
    """A worker's legitimate relationship with a person, e.g. their allocated worker."""

    class Kind(models.TextChoices):
        ALLOCATED_WORKER = "allocated_worker", "Allocated worker"
        LINK_WORKER = "link_worker", "Link worker"
        REFERRER = "referrer", "Referrer"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assignments")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )

    class EndedBecause(models.TextChoices):
        ENDED_BY_ADMIN = "ended_by_admin", "Ended by the area admin"
        REFERRAL_CLOSED = "referral_closed", "The referral was closed or declined"
        ROLE_REMOVED = "role_removed", "The worker no longer holds the role"

    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.ALLOCATED_WORKER)
    started_at = models.DateTimeField(auto_now_add=True)
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The area admin who made the allocation, if one did.",
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_because = models.CharField(max_length=30, choices=EndedBecause.choices, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "worker", "kind"],
                condition=Q(ended_at__isnull=True),
                name="one_live_assignment_per_kind",
            )
        ]

    @property
    def role(self) -> str:
        """The role the worker must be acting in for this allocation to count."""
        return ROLE_FOR_KIND[self.kind]

    @property
    def is_self_allocated(self) -> bool:
        """An area admin allocated themselves: privileged access, on the report."""
        return self.allocated_by_id is not None and self.allocated_by_id == self.worker_id


# An allocation counts only while the worker acts in the role it was made for.
ROLE_FOR_KIND = {
    Assignment.Kind.ALLOCATED_WORKER: Role.SCHEME_WORKER,
    Assignment.Kind.LINK_WORKER: Role.LINK_WORKER,
    Assignment.Kind.REFERRER: Role.REFERRER,
}
KIND_FOR_ROLE = {role: kind for kind, role in ROLE_FOR_KIND.items()}


class BreakGlassAccess(AreaOwned):
    """Emergency access to a record without a relationship: a reason, a time limit, a report."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="break_glass")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass"
    )
    role = models.CharField(max_length=40)
    reason = models.TextField()
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_at"]
