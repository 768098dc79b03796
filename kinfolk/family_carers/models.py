"""Family carers: who they care for, the emergency plan, its back-up contacts and the card.

A family carer looks after someone (a relative, a friend) without being paid to. If the carer is
taken ill, the card they carry tells a responder that someone at home needs them, and the plan
says what to do. Shared Lives carers are another thing, in `kinfolk.sharedlives`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from kinfolk.core.scoping import AreaOwned

# A responder or back-up contact who opens a plan with the card sees it for this long.
OPENING_HOURS = 12


class EmergencySettings(AreaOwned):
    """What an area's emergency response team puts on every card: its 24-hour number."""

    team_name = models.CharField(max_length=120, default="Carers emergency response team")
    twenty_four_hour_number = models.CharField("24-hour number", max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area"], name="one_emergency_setting_per_area")
        ]


class CaredFor(AreaOwned):
    """Someone a family carer looks after: a person in Kinfolk who agreed to be linked, or
    someone known only in the carer's own plan (then the carer owns what is written)."""

    carer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cared_for"
    )
    # Only for a person in Kinfolk; the link counts once they (or whoever acts for them) agree.
    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The name the carer uses, and for a person in Kinfolk the address the carer asked by.
    name = models.CharField(max_length=150)
    asked_email = models.EmailField(blank=True)
    about = models.TextField("A few details", blank=True)
    what_i_do = models.TextField("What I do for them", blank=True)
    what_would_help = models.TextField("What would help me", blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def in_kinfolk(self) -> bool:
        """Whether the carer asked to link a person who has a Kinfolk record."""
        return bool(self.asked_email)

    @property
    def linked(self) -> bool:
        """A person in Kinfolk who said yes to the carer (only then does the carer see them)."""
        return self.person_id is not None and self.agreed_at is not None

    @property
    def waiting(self) -> bool:
        return self.in_kinfolk and self.agreed_at is None and self.declined_at is None


class EmergencyPlan(AreaOwned):
    """What someone needs to know to look after the cared-for person if the carer cannot."""

    cared_for = models.OneToOneField(CaredFor, on_delete=models.CASCADE, related_name="plan")
    can_be_left = models.CharField("How long they can be left alone", max_length=200, blank=True)
    needs = models.TextField("What they need help with", blank=True)
    medicines = models.TextField("Medicines and when they take them", blank=True)
    medicines_kept = models.CharField("Where the medicines are kept", max_length=200, blank=True)
    allergies = models.CharField("Allergies", max_length=300, blank=True)
    gp = models.CharField("GP surgery and phone number", max_length=200, blank=True)
    pharmacy = models.CharField("Pharmacy and phone number", max_length=200, blank=True)
    services = models.TextField("Services that already come in", blank=True)
    mobility = models.TextField("Getting about", blank=True)
    communication = models.TextField("How they communicate", blank=True)
    routines = models.TextField("Routines that matter", blank=True)
    behaviour = models.TextField("Behaviour that needs understanding", blank=True)
    pets = models.CharField("Pets and who looks after them", max_length=300, blank=True)
    keys_where = models.CharField("Where the spare key is", max_length=200, blank=True)
    keys_held_by = models.CharField("Who holds a key", max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class BackupContact(AreaOwned):
    """Someone who will step in, called in rank order. They agree through a one-time link."""

    plan = models.ForeignKey(EmergencyPlan, on_delete=models.CASCADE, related_name="contacts")
    rank = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=150)
    phone = models.CharField(max_length=40)
    email = models.EmailField()
    relationship = models.CharField(max_length=80, blank=True)
    # A hash of the one-time link's token; cleared when they answer.
    link_hash = models.CharField(max_length=64, blank=True, db_index=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    declined_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["rank"]

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None and self.user_id is not None


class EmergencyCard(AreaOwned):
    """The wallet card: a long random number that, with a sign-in, opens the plan."""

    plan = models.ForeignKey(EmergencyPlan, on_delete=models.CASCADE, related_name="cards")
    number = models.CharField(max_length=32, unique=True)
    issued_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=Q(cancelled_at__isnull=True), name="one_live_card"
            )
        ]

    @property
    def grouped(self) -> str:
        """The number in groups of four, as printed."""
        return " ".join(self.number[i : i + 4] for i in range(0, len(self.number), 4))


class CardOpening(AreaOwned):
    """Someone opened the plan with the card: who, when, and until when they may see it."""

    class As(models.TextChoices):
        RESPONDER = "responder", "Emergency response team"
        BACKUP_CONTACT = "backup_contact", "Back-up contact"

    card = models.ForeignKey(EmergencyCard, on_delete=models.CASCADE, related_name="openings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_as = models.CharField(max_length=20, choices=As.choices)
    opened_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["-opened_at"]


class CallMade(AreaOwned):
    """A call to a back-up contact and what they said ("Called Aisha at 02:14: coming")."""

    class Answer(models.TextChoices):
        COMING = "coming", "Coming"
        CANNOT_COME = "cannot_come", "Cannot come"
        NO_ANSWER = "no_answer", "No answer"
        LEFT_MESSAGE = "left_message", "Left a message"

    opening = models.ForeignKey(CardOpening, on_delete=models.CASCADE, related_name="calls")
    contact = models.ForeignKey(BackupContact, on_delete=models.CASCADE, related_name="calls")
    answer = models.CharField(max_length=20, choices=Answer.choices)
    called_at = models.DateTimeField()
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["called_at"]


class CardTry(models.Model):
    """One card number typed in, right or wrong: the rate limit counts the wrong ones."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(db_index=True)
    right = models.BooleanField(default=False)


class AssessmentRequest(AreaOwned):
    """A family carer asking the council for a carer's assessment (Care Act 2014 s.10)."""

    class Status(models.TextChoices):
        SENT = "sent", "Sent"
        SEEN = "seen", "Seen by the council"
        BOOKED = "booked", "Assessment booked"
        DONE = "done", "Assessment done"

    carer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessment_requests"
    )
    what_to_talk_about = models.TextField(blank=True)
    best_way_to_contact = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENT)
    requested_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-requested_at"]


# Concerns live in their own module; imported here so Django finds them.
from .concerns.models import Concern, RaisedAs  # noqa: E402, F401
from .equipment.models import (  # noqa: E402, F401
    Agency,
    EquipmentPart,
    EquipmentRequest,
    PartStatus,
)
