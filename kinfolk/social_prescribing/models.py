"""Closed-loop social prescribing: a referral with consent, a link worker, conversations and
goals, the community activities the person chose, outcomes, and messages back to the referrer."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolk.core.scoping import AreaOwned

REFERRAL_CODE = "871731000000106"  # SNOMED CT: referral to social prescribing service
DECLINED_CODE = "871711000000103"  # SNOMED CT: social prescribing declined


class Reason(models.TextChoices):
    LONELINESS = "loneliness", "Loneliness or isolation"
    LOW_MOOD = "low_mood", "Low mood or anxiety"
    LONG_TERM_CONDITION = "long_term_condition", "Living with a long-term condition"
    MONEY = "money", "Money, debt or benefits"
    HOUSING = "housing", "Housing"
    BEREAVEMENT = "bereavement", "Bereavement"
    CARER = "carer", "Caring for someone"
    INACTIVITY = "inactivity", "Wanting to be more active"
    FREQUENT_ATTENDER = "frequent_attender", "Often sees the GP for non-medical reasons"


class Status(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    CONNECTED = "connected", "Connected to community activity"
    CLOSED = "closed", "Closed"
    DECLINED = "declined", "Declined"


class Practice(AreaOwned):
    """A GP practice (or other referring team) on the area's list, by its NHS ODS code: what a
    referrer chooses from, loaded from the NHS ODS `epraccur` file or added by the area admin."""

    ods_code = models.CharField(max_length=10)
    name = models.CharField(max_length=150)
    postcode = models.CharField(max_length=10, blank=True)
    offered = models.BooleanField(default=True)  # closed or dormant practices are not offered

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "ods_code"], name="one_practice_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.ods_code})"


class Referral(AreaOwned):
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="social_prescriptions"
    )
    referrer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    practice = models.CharField(max_length=150)  # the practice's name when referred
    practice_code = models.CharField(max_length=10, blank=True)  # its ODS code
    consent_recorded = models.BooleanField()
    consent_given_by = models.CharField(max_length=20)  # "person" or "representative"
    reasons = models.JSONField(default=list)
    what_matters = models.TextField(blank=True)
    code = models.CharField(max_length=20, default=REFERRAL_CODE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    link_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField()
    first_contact_at = models.DateTimeField(null=True, blank=True)
    connected_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closing_summary = models.TextField(blank=True)
    declined_reason = models.TextField(blank=True)
    baseline = models.ForeignKey(
        "wellbeing.MeasureResponse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    follow_up = models.ForeignKey(
        "wellbeing.MeasureResponse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    @property
    def reference(self) -> str:
        """The number people quote about this referral: SP-000123."""
        return f"SP-{self.pk:06d}"

    class Meta:
        ordering = ["-received_at"]
        constraints = [
            # Nobody is referred without their consent being recorded.
            models.CheckConstraint(
                condition=Q(consent_recorded=True), name="sp_referral_has_consent"
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | Q(code=DECLINED_CODE),
                name="sp_declined_is_coded_as_declined",
            ),
        ]


class Conversation(AreaOwned):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="conversations")
    held_on = models.DateField()
    notes = models.TextField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on"]


class Goal(AreaOwned):
    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="goals")
    in_their_words = models.CharField(max_length=300)
    achieved = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]


class CommunityStatus(models.TextChoices):
    SENT = "sent", "Sent, waiting for the organisation"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined by the organisation"
    STARTED = "started", "Started going"
    RETURNED = "returned", "No answer in 14 days: back with the link worker"


class CommunityReferral(AreaOwned):
    """A service the person chose to try, sent to the community organisation that runs it."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="community")
    service = models.ForeignKey("directory.Service", on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.PROTECT, related_name="community_referrals"
    )
    status = models.CharField(max_length=10, choices=CommunityStatus.choices, default="sent")
    note_for_organisation = models.TextField(blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    declined_reason = models.TextField(blank=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    # The person agreed that the organisation may contact them directly (phone, email).
    contact_shared = models.BooleanField(default=False)

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(declined_reason=""),
                name="community_decline_has_a_reason",
            )
        ]


class OrganizationMember(models.Model):
    """Which directory organisation a community organisation member works for."""

    organization = models.ForeignKey(
        "directory.Organization", on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="one_membership_per_org")
        ]


class Message(AreaOwned):
    """A message back to the referrer: connected, or closed, with the outcome."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="messages")
    to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
