"""Shared Lives: carer households and their approval, referrals, introductions, arrangements.

Nobody is placed. An introduction exists only when both sides said yes to meeting, and an
arrangement only when both agreed and signed; the database refuses anything else (ADR 0011).
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from kinfolk.core.scoping import AreaOwned, AreaScopedQuerySet
from kinfolk.matching.profiles import (
    ARRANGEMENT_WORDS,
    NEED_WORDS,
    Atmosphere,
    DailyRhythm,
    Gender,
)

MAX_PLACES = 3  # never more than three people supported in one household


def _choices(enum, words=None):
    return [(m.value, (words or {}).get(m, m.value.replace("_", " ").capitalize())) for m in enum]


ARRANGEMENT_CHOICES = [(k.value, v.capitalize()) for k, v in ARRANGEMENT_WORDS.items()]
NEED_CHOICES = [(k.value, v.capitalize()) for k, v in NEED_WORDS.items()]
GENDER_CHOICES = _choices(Gender)
ATMOSPHERE_CHOICES = [("quiet", "A quiet home"), ("lively", "A lively home"), ("any", "Either")]
RHYTHM_CHOICES = [
    ("early_riser", "An early riser"),
    ("night_owl", "A night owl"),
    ("flexible", "Flexible"),
]
OVERNIGHT_TYPES = ("long_term", "short_breaks", "home_from_hospital")
# An arrangement that takes one of a household's places (integrity.TAKES_A_PLACE_SQL too).
PLACE_TAKEN = {"status": "active", "arrangement_type__in": OVERNIGHT_TYPES}
assert {a for a, _ in ATMOSPHERE_CHOICES} == set(Atmosphere)
assert {r for r, _ in RHYTHM_CHOICES} == set(DailyRhythm)


class Side(models.TextChoices):
    PERSON = "person", "The person"
    CARER = "carer", "The carer"


# --- carers -------------------------------------------------------------------------------


class CarerStatus(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry"
    APPLYING = "applying", "Applying and being assessed"
    AT_PANEL = "at_panel", "Ready for panel"
    APPROVED = "approved", "Approved"
    SUSPENDED = "suspended", "Approval suspended by panel"
    DEFERRED = "deferred", "Deferred by panel"
    DECLINED = "declined", "Not approved"
    LEFT = "left", "No longer a carer"


class CarerQuerySet(AreaScopedQuerySet):
    def with_places_in_use(self) -> "CarerQuerySet":
        """Each household with the number of its places in use, counted in the same query."""
        return self.annotate(people_in_places=Coalesce(Subquery(_places_taken_by_carer()), 0))


def _places_taken_by_carer():
    return (
        Arrangement.objects.filter(carer=OuterRef("pk"), **PLACE_TAKEN)
        .order_by()
        .values("carer")
        .annotate(n=Count("pk"))
        .values("n")
    )


class Carer(AreaOwned):
    """A Shared Lives carer and their household: who they are, what they are approved for.

    Places in use are counted from the household's active arrangements that take a place
    (never kept as a number of their own); the database refuses an arrangement beyond the
    household's places (`integrity.py`, ADR 0030)."""

    objects = CarerQuerySet.as_manager()

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carer_households",
    )
    name = models.CharField("Household name", max_length=150)
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=CarerStatus.choices, default="enquiry")
    # Approval terms (set by panel):
    approved_types = models.JSONField(default=list, blank=True)
    approved_needs = models.JSONField(default=list, blank=True)
    places = models.PositiveSmallIntegerField(default=0)
    rooms = models.PositiveSmallIntegerField(default=0)
    approved_on = models.DateField(null=True, blank=True)
    # The household:
    household_members = models.TextField(blank=True)
    pets = models.CharField(max_length=100, blank=True)
    smokes = models.BooleanField(default=False)
    children_at_home = models.BooleanField(default=False)
    step_free = models.BooleanField(default=False)
    ground_floor_bedroom = models.BooleanField(default=False)
    own_bathroom = models.BooleanField(default=False)
    carer_genders = models.JSONField(default=list, blank=True)
    skills = models.JSONField(default=list, blank=True)
    interests = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    faith = models.CharField(max_length=50, blank=True)
    diets = models.JSONField(default=list, blank=True)
    atmosphere = models.CharField(max_length=10, choices=ATMOSPHERE_CHOICES, default="any")
    daily_rhythm = models.CharField(max_length=12, choices=RHYTHM_CHOICES, default="flexible")
    min_age = models.PositiveSmallIntegerField(default=18)
    max_age = models.PositiveSmallIntegerField(default=120)
    confident_with = models.JSONField(default=list, blank=True)
    day_support_travel_minutes = models.PositiveSmallIntegerField(default=30)
    profile = models.TextField("About us, in our words", blank=True)
    assessment_comments = models.TextField("Our comments on the assessment", blank=True)
    # From an online application (before anyone has a sign-in):
    contact_email = models.EmailField(blank=True)
    enquiry_words = models.TextField("What they told us when they applied", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Panel: the next date the household goes to panel, and why it is going back (a review
    # sent it); both cleared when panel records a decision.
    panel_on = models.DateField("Next panel date", null=True, blank=True)
    back_to_panel_because = models.TextField(blank=True)
    # Leaving: when the household stopped being Shared Lives carers, in the carer's words.
    left_on = models.DateField(null=True, blank=True)
    left_in_their_words = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(places__lte=MAX_PLACES), name="carer_at_most_three_places"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def told_apart(self) -> str:
        """The household's name with its postcode area, which tells same-named households
        apart ("The Brown household (HX7)")."""
        area = self.postcode.split()[0].upper() if self.postcode.strip() else ""
        return f"{self.name} ({area})" if area else self.name

    @property
    def places_in_use(self) -> int:
        """People living there now or on a short break: active arrangements that take a place
        (counted by `with_places_in_use()` when the household was read, or here)."""
        counted = self.__dict__.get("people_in_places")
        if counted is None:
            counted = self.arrangements.filter(**PLACE_TAKEN).count()
        return counted

    @property
    def free_places(self) -> int:
        return max(0, min(self.places, MAX_PLACES) - self.places_in_use)


class ProfileChangeStatus(models.TextChoices):
    PENDING = "pending", "Waiting for the scheme to check"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ProfileChange(AreaOwned):
    """Changes a carer asked for to their household that the scheme must check before matching
    uses them (who lives there, pets, smoking, access, who they feel confident supporting)."""

    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="profile_changes")
    changes = models.JSONField(default=dict)  # field name -> the value asked for
    status = models.CharField(
        max_length=10, choices=ProfileChangeStatus.choices, default=ProfileChangeStatus.PENDING
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-asked_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["carer"], condition=Q(status="pending"), name="one_pending_change_per_carer"
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(reason=""), name="returned_change_has_reason"
            ),
        ]


class HouseholdPhoto(AreaOwned):
    """A photo of the household or the home, re-encoded without its metadata, kept in the
    database so that row-level security walls it like the rest of the record; shown only
    through a permission-checked page."""

    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="photos")
    image = models.BinaryField()
    width = models.PositiveSmallIntegerField()
    height = models.PositiveSmallIntegerField()
    caption = models.CharField(max_length=200)
    everyone_agreed = models.BooleanField()
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(everyone_agreed=True), name="photo_everyone_in_it_agreed"
            ),
        ]


class ApplicationStep(models.TextChoices):
    """What a household does and has checked before panel (Shared Lives Plus guidance)."""

    APPLICATION_FORM = "application_form", "Application form received"
    HOUSEHOLD_MEMBERS = "household_members", "Everyone in the household listed"
    REFERENCE_1 = "reference_1", "First personal reference"
    REFERENCE_2 = "reference_2", "Second personal reference"
    GP_REFERENCE = "gp_reference", "GP reference"
    DBS_ENHANCED = "dbs_enhanced", "Enhanced DBS check"
    HOME_PERMISSION = "home_permission", "Landlord or mortgage lender permission"
    ASSESSMENT_VISITS = "assessment_visits", "Assessment visits: every household member agrees"
    INTERVIEW = "interview", "Interview with a person who uses Shared Lives"
    PROFILE_WRITTEN = "profile_written", "Carer's profile written"
    ASSESSMENT_COMMENTS = "assessment_comments", "Carer's comments on the assessment"


class ApplicationCheck(AreaOwned):
    """One step of a household's application, done on a date."""

    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="checks")
    step = models.CharField(max_length=30, choices=ApplicationStep.choices)
    completed_on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["completed_on"]
        constraints = [models.UniqueConstraint(fields=["carer", "step"], name="one_check_per_step")]


class PanelDecision(AreaOwned):
    """The independent panel's decision on a household, with its terms or its reasons."""

    class Decision(models.TextChoices):
        APPROVED = "approved", "Approved"
        DEFERRED = "deferred", "Deferred"
        DECLINED = "declined", "Not approved"
        # For a household already approved:
        TERMS_CHANGED = "terms_changed", "Approval terms changed"
        SUSPENDED = "suspended", "Approval suspended"
        SUSPENSION_LIFTED = "lifted", "Suspension lifted"

    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="panel_decisions")
    panel_date = models.DateField()
    members = models.TextField(help_text="Names and roles of the panel members")
    decision = models.CharField(max_length=15, choices=Decision.choices)
    reasons = models.TextField(blank=True)
    approved_types = models.JSONField(default=list, blank=True)
    approved_needs = models.JSONField(default=list, blank=True)
    places = models.PositiveSmallIntegerField(default=0)
    rooms = models.PositiveSmallIntegerField(default=0)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["-panel_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(places__lte=MAX_PLACES), name="panel_at_most_three_places"
            ),
            models.CheckConstraint(
                condition=Q(decision="approved") | ~Q(reasons=""),
                name="panel_decline_or_defer_has_reasons",
            ),
        ]


class Course(models.TextChoices):
    FIRST_AID = "first_aid", "First aid"
    MENTAL_CAPACITY = "mental_capacity", "Mental Capacity Act"
    SAFEGUARDING = "safeguarding", "Safeguarding"
    EQUALITY = "equality", "Equality and diversity"
    MEDICATION = "medication", "Medication"
    DATA_PROTECTION = "data_protection", "Data protection"
    CARE_CERTIFICATE = "care_certificate", "Care Certificate"


# Years each course lasts before it must be refreshed; None: it does not expire.
COURSE_YEARS = {
    Course.FIRST_AID: 3,
    Course.MENTAL_CAPACITY: 3,
    Course.SAFEGUARDING: 3,
    Course.EQUALITY: 3,
    Course.MEDICATION: 2,
    Course.DATA_PROTECTION: 2,
    Course.CARE_CERTIFICATE: None,
}


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class TrainingRecord(AreaOwned):
    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="training")
    course = models.CharField(max_length=30, choices=Course.choices)
    completed_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["course", "-completed_on"]


class CarerCheckKind(models.TextChoices):
    ANNUAL_REVIEW = "annual_review", "Annual carer review"
    HEALTH_AND_SAFETY = "health_and_safety", "Annual home health-and-safety check"


class CarerCheck(AreaOwned):
    """An annual review or home check: due on a date, done on a date."""

    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="annual_checks")
    kind = models.CharField(max_length=20, choices=CarerCheckKind.choices)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on"]


# --- people ---------------------------------------------------------------------------------


class ReferralSource(models.TextChoices):
    WORKER = "worker", "A worker"
    HOSPITAL_DISCHARGE = "hospital_discharge", "Hospital discharge team"
    FAMILY = "family", "Family"
    SELF = "self", "The person themselves"


class ReferralStatus(models.TextChoices):
    NEW = "new", "New"
    LOOKING = "looking", "Looking for a household"
    ARRANGED = "arranged", "Arrangement made"
    CLOSED = "closed", "Closed"


class Referral(AreaOwned):
    """A request to look at Shared Lives, the assessment, and what the person is looking for."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="referrals")
    source = models.CharField(max_length=20, choices=ReferralSource.choices)
    referrer_name = models.CharField(max_length=150, blank=True)
    received_on = models.DateField()
    status = models.CharField(max_length=10, choices=ReferralStatus.choices, default="new")
    # Home first:
    has_own_home = models.BooleanField(null=True)
    family_able_to_support = models.BooleanField(null=True)
    persons_choice = models.TextField(
        "The person's own choice to look at Shared Lives, in their words", blank=True
    )
    choice_recorded_at = models.DateTimeField(null=True, blank=True)
    choice_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Assessment visit:
    assessed_on = models.DateField(null=True, blank=True)
    wishes = models.TextField("What I would like", blank=True)
    hobbies = models.TextField("What I enjoy", blank=True)
    risks = models.TextField("Risks and how they are managed", blank=True)
    easy_read = models.TextField("About me, in easy read", blank=True)
    share_with_suitable_carers = models.BooleanField(
        "Happy for suitable approved carers to see my introduction profile", default=False
    )
    # What matching needs:
    postcode = models.CharField(max_length=10, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    arrangement_types = models.JSONField(default=list, blank=True)
    support_needs = models.JSONField(default=list, blank=True)
    needs_step_free = models.BooleanField(default=False)
    needs_ground_floor_bedroom = models.BooleanField(default=False)
    needs_own_bathroom = models.BooleanField(default=False)
    pet_allergy = models.BooleanField(default=False)
    wants_no_pets = models.BooleanField(default=False)
    needs_smoke_free = models.BooleanField(default=False)
    children_ok = models.BooleanField(default=True)
    personal_care_gender = models.CharField(max_length=12, choices=GENDER_CHOICES, blank=True)
    atmosphere = models.CharField(max_length=10, choices=ATMOSPHERE_CHOICES, default="any")
    languages = models.JSONField(default=list, blank=True)
    faith = models.CharField(max_length=50, blank=True)
    faith_important = models.BooleanField(default=False)
    diet = models.CharField(max_length=30, blank=True)
    interests = models.JSONField(default=list, blank=True)
    daily_rhythm = models.CharField(max_length=12, choices=RHYTHM_CHOICES, default="flexible")
    # [{"name": "my sister Ama", "kind": "family", "postcode": "HX1 2AB",
    #   "latitude": .., "longitude": .., "max_minutes": 30}]
    places_that_matter = models.JSONField(default=list, blank=True)
    max_day_support_minutes = models.PositiveSmallIntegerField(default=45)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_on"]
        constraints = [
            # A discharge referral always carries the home-first answers.
            models.CheckConstraint(
                condition=~Q(source="hospital_discharge")
                | (Q(has_own_home__isnull=False) & Q(family_able_to_support__isnull=False)),
                name="discharge_referral_answers_home_first",
            ),
        ]


# --- introductions --------------------------------------------------------------------------


class Stage(models.TextChoices):
    INTEREST = "interest", "Interest from one side"
    INTRODUCTION = "introduction", "Introduction meeting"
    TEA_VISIT = "tea_visit", "Tea visit"
    TRIAL_STAY = "trial_stay", "Overnight or trial stay"
    AGREEING = "agreeing", "Deciding together"
    AGREED = "agreed", "Both agree"
    ARRANGED = "arranged", "Arrangement started"
    CLOSED = "closed", "Closed"


# The meetings, in order; after the last, each side says whether they agree.
MEETING_STAGES = [Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.TRIAL_STAY]
IN_PROGRESS_STAGES = [*MEETING_STAGES, Stage.AGREEING, Stage.AGREED]


class Introduction(AreaOwned):
    """A person and a carer household getting to know each other; either may stop at any time."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="introductions")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="introductions")
    arrangement_type = models.CharField(max_length=20, choices=ARRANGEMENT_CHOICES)
    stage = models.CharField(max_length=15, choices=Stage.choices, default=Stage.INTEREST)
    first_interest_from = models.CharField(max_length=10, choices=Side.choices)
    person_yes_at = models.DateTimeField(null=True, blank=True)
    person_yes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    carer_yes_at = models.DateTimeField(null=True, blank=True)
    carer_yes_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person_agreed_at = models.DateTimeField(null=True, blank=True)
    carer_agreed_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by_side = models.CharField(max_length=10, choices=Side.choices, blank=True)
    closed_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    proposed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Nobody is placed: past "interest", both sides have said yes to meeting.
            models.CheckConstraint(
                condition=Q(stage__in=[Stage.INTEREST, Stage.CLOSED])
                | (Q(person_yes_at__isnull=False) & Q(carer_yes_at__isnull=False)),
                name="introduction_needs_both_yes",
            ),
            models.CheckConstraint(
                condition=~Q(stage__in=[Stage.AGREED, Stage.ARRANGED])
                | (Q(person_agreed_at__isnull=False) & Q(carer_agreed_at__isnull=False)),
                name="agreement_needs_both_sides",
            ),
            models.UniqueConstraint(
                fields=["person", "carer"],
                condition=~Q(stage__in=[Stage.CLOSED, Stage.ARRANGED]),
                name="one_open_introduction_per_pair",
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.stage not in (Stage.CLOSED, Stage.ARRANGED)


class StageView(AreaOwned):
    """What one side thought after a meeting: their words and whether to carry on."""

    introduction = models.ForeignKey(Introduction, on_delete=models.CASCADE, related_name="views")
    stage = models.CharField(max_length=15, choices=Stage.choices)
    side = models.CharField(max_length=10, choices=Side.choices)
    happened_on = models.DateField(null=True, blank=True)
    view = models.TextField(blank=True)
    carry_on = models.BooleanField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["introduction", "stage", "side"], name="one_view_per_side_per_stage"
            )
        ]


# --- a side's own voice, and "not for me" (ADR 0027) ----------------------------------------


class ShownHow(models.TextChoices):
    """How a side showed their yes or no to whoever recorded it for them."""

    # Read after their name: "Sam said it in words".
    WORDS = "words", "said it in words"
    SIGNS = "signs", "showed it with signs"
    AID = "aid", "used a communication aid"
    BEHAVIOUR = "behaviour", "showed it by their behaviour"


class SaidFor(AreaOwned):
    """A yes or no someone recorded FOR a side (the person's representative, or the scheme
    worker), with how that side showed it. A side's own yes or no has no row here."""

    class What(models.TextChoices):
        YES = "yes", "yes to meeting"
        CARRY_ON = "carry_on", "carry on"
        STOP = "stop", "stop after the meeting"
        NO = "no", "no"
        AGREE = "agree", "agree to the arrangement"
        NOT_FOR_ME = "not_for_me", "not for me"

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="+")
    introduction = models.ForeignKey(
        Introduction, null=True, blank=True, on_delete=models.CASCADE, related_name="said_for"
    )
    side = models.CharField(max_length=10, choices=Side.choices)
    what = models.CharField(max_length=12, choices=What.choices)
    stage = models.CharField(max_length=15, choices=Stage.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    recorded_as = models.CharField(max_length=20)  # "representative" or "scheme worker"
    shown_how = models.CharField(max_length=10, choices=ShownHow.choices)
    note = models.CharField(max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at"]
        constraints = [
            # Recorded for someone only together with how they showed it.
            models.CheckConstraint(condition=~Q(shown_how=""), name="said_for_says_how"),
        ]


class NotForMe(AreaOwned):
    """One side said "not for me" to the other: a person to a household (or stopped an
    introduction with it), or a household to a person. It leaves that side's suggestions and
    asks until that side undoes it ("Show it again")."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    carer = models.ForeignKey(Carer, on_delete=models.CASCADE, related_name="not_for_me")
    side = models.CharField(max_length=10, choices=Side.choices)  # who said it
    reason = models.TextField(blank=True)
    said_at = models.DateTimeField()
    said_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    introduction = models.ForeignKey(
        Introduction, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-said_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "carer", "side"],
                condition=Q(undone_at__isnull=True),
                name="one_standing_not_for_me_per_side",
            ),
        ]


# --- meetings (the diary) --------------------------------------------------------------------


class MeetingStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Both sides said it suits them"
    MOVED = "moved", "Moved to another time or place"
    CANCELLED = "cancelled", "Cancelled"
    HELD = "held", "It happened"


LIVE_MEETING = [MeetingStatus.PROPOSED, MeetingStatus.ACCEPTED]
MEETING_SIDES = [*Side.choices, ("scheme", "The scheme worker")]


class Meeting(AreaOwned):
    """A date, time and place for one meeting of an introduction. Planning it changes no stage:
    each side still says for themselves whether to carry on. A move keeps the old row as
    "moved" and points the new one at it, so the history stays."""

    introduction = models.ForeignKey(
        Introduction, on_delete=models.CASCADE, related_name="meetings"
    )
    stage = models.CharField(max_length=15, choices=Stage.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=200)
    getting_there = models.TextField("Getting there", blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    proposed_by_side = models.CharField(max_length=10, choices=MEETING_SIDES)
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PROPOSED
    )
    person_suits_at = models.DateTimeField(null=True, blank=True)
    carer_suits_at = models.DateTimeField(null=True, blank=True)
    moved_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="moved_to"
    )
    cancelled_by_side = models.CharField(max_length=10, choices=MEETING_SIDES, blank=True)
    cancelled_reason = models.TextField(blank=True)
    held_marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=MEETING_STAGES), name="meeting_is_for_a_meeting_stage"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.CANCELLED) | ~Q(cancelled_reason=""),
                name="cancelled_meeting_has_a_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.ACCEPTED)
                | (Q(person_suits_at__isnull=False) & Q(carer_suits_at__isnull=False)),
                name="accepted_meeting_suits_both_sides",
            ),
            models.UniqueConstraint(
                fields=["introduction", "stage"],
                condition=Q(status__in=LIVE_MEETING),
                name="one_live_meeting_per_introduction_stage",
            ),
        ]

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_MEETING


# --- arrangements ---------------------------------------------------------------------------


class ArrangementStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"


class Arrangement(AreaOwned):
    """A Shared Lives arrangement both sides agreed to and signed."""

    introduction = models.OneToOneField(
        Introduction, on_delete=models.PROTECT, related_name="arrangement"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    carer = models.ForeignKey(Carer, on_delete=models.PROTECT, related_name="arrangements")
    arrangement_type = models.CharField(max_length=20, choices=ARRANGEMENT_CHOICES)
    starts_on = models.DateField()
    person_agreed_at = models.DateTimeField()
    carer_agreed_at = models.DateTimeField()
    agreement_signed_by_person_on = models.DateField(null=True)
    agreement_signed_by_carer_on = models.DateField(null=True)
    licence_signed_by_person_on = models.DateField(null=True, blank=True)
    licence_signed_by_carer_on = models.DateField(null=True, blank=True)
    band = models.PositiveSmallIntegerField(default=1)
    nights_or_sessions_per_month = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(max_length=10, choices=ArrangementStatus.choices, default="active")
    ended_on = models.DateField(null=True, blank=True)
    ended_by_side = models.CharField(max_length=10, choices=Side.choices, blank=True)
    end_reason = models.TextField(blank=True)
    next_step = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agreement_signed_by_person_on__isnull=False)
                & Q(agreement_signed_by_carer_on__isnull=False),
                name="arrangement_agreement_signed_by_both",
            ),
            models.CheckConstraint(
                condition=~Q(arrangement_type="long_term")
                | (
                    Q(licence_signed_by_person_on__isnull=False)
                    & Q(licence_signed_by_carer_on__isnull=False)
                ),
                name="live_in_licence_signed_by_both",
            ),
            models.CheckConstraint(
                condition=Q(status="active") | Q(ended_on__isnull=False),
                name="ended_arrangement_has_a_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="ended", arrangement_type="long_term") | ~Q(next_step=""),
                name="ending_live_in_records_next_step",
            ),
            models.UniqueConstraint(
                fields=["person", "carer", "arrangement_type"],
                condition=Q(status="active"),
                name="one_active_arrangement_per_pair_and_type",
            ),
        ]

    @property
    def takes_a_place(self) -> bool:
        return self.arrangement_type in OVERNIGHT_TYPES


class ReviewKind(models.TextChoices):
    FOUR_WEEK = "four_week", "4-week review"
    MONTHLY_VISIT = "monthly_visit", "Monthly visit"
    ANNUAL = "annual", "Annual review"
    REQUESTED = "requested", "Review asked for"


class ArrangementReview(AreaOwned):
    """A review or visit of an arrangement: each side's view, what goes well, what to change,
    the actions agreed, and whether the household goes back to panel. (Reviews recorded before
    these fields existed keep their words in `notes`.)"""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(max_length=15, choices=ReviewKind.choices)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    person_view = models.TextField("The person's view", blank=True)
    carer_view = models.TextField("The carer's view", blank=True)
    going_well = models.TextField("What is going well", blank=True)
    to_change = models.TextField("What to change", blank=True)
    agreed_actions = models.TextField("Actions agreed", blank=True)
    back_to_panel = models.BooleanField(default=False)
    requested_by_side = models.CharField(max_length=10, choices=Side.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on"]
