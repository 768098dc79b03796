"""Users, their memberships (user x area x role), sign-in attempts and API tokens."""

import hashlib
import secrets

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils.crypto import salted_hmac

from kinfolk.core.scoping import AreaOwned, AreaScopedQuerySet


class Role(models.TextChoices):
    PERSON = "person", "Person who uses support"
    REPRESENTATIVE = "representative", "Representative"
    SHARED_LIVES_CARER = "shared_lives_carer", "Shared Lives carer"
    SCHEME_WORKER = "scheme_worker", "Scheme worker"
    REFERRER = "referrer", "Referrer"
    LINK_WORKER = "link_worker", "Link worker"
    COMMUNITY_ORGANISATION_MEMBER = "community_organisation_member", "Community organisation member"
    COMMISSIONER = "commissioner", "Commissioner"
    EXPERT_BY_EXPERIENCE = "expert_by_experience", "Expert by experience"
    AREA_ADMIN = "area_admin", "Area admin"
    FAMILY_CARER = "family_carer", "Family carer"
    EMERGENCY_RESPONDER = "emergency_responder", "Emergency responder (carers emergency team)"
    BACKUP_CONTACT = "backup_contact", "Back-up contact in a family carer's emergency plan"
    BUDGET_APPROVER = "budget_approver", "Budget approver"
    BROKER = "broker", "Support broker"


# Roles that see other people's information at work: they must use two-step verification.
STAFF_ROLES = frozenset(
    {
        Role.SCHEME_WORKER,
        Role.REFERRER,
        Role.LINK_WORKER,
        Role.COMMUNITY_ORGANISATION_MEMBER,
        Role.COMMISSIONER,
        Role.AREA_ADMIN,
        Role.EMERGENCY_RESPONDER,
        # They see people's support plans and what their money is spent on.
        Role.BUDGET_APPROVER,
        Role.BROKER,
    }
)
# Staff roles that may be allocated to a person and so see their record.
CARE_ROLES = frozenset({Role.SCHEME_WORKER, Role.LINK_WORKER, Role.REFERRER})


def new_security_stamp() -> str:
    return secrets.token_hex(16)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save()
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in. What they may do comes from their memberships."""

    email = models.EmailField(unique=True)
    display_name = models.CharField(max_length=150)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(auto_now_add=True)
    totp_secret = models.CharField(max_length=64, blank=True)
    mfa_enabled = models.BooleanField(default=False)
    # The last TOTP time step accepted, so a code cannot be used twice.
    totp_last_step = models.BigIntegerField(default=0)
    # Changed whenever every signed-in session must end (two-step reset, erasure).
    security_stamp = models.CharField(max_length=32, default=new_security_stamp)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def _get_session_auth_hash(self, secret=None):
        # Sessions carry this hash; a new password or a new security stamp ends them all.
        return salted_hmac(
            "kinfolk.accounts.User.session",
            f"{self.password}:{self.security_stamp}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def sessions_end(self) -> None:
        """Sign this user out everywhere, at their next request."""
        self.security_stamp = new_security_stamp()


class RecoveryCode(models.Model):
    """A one-time code for when the authenticator app is lost. Only a hash is kept."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash_of(code: str) -> str:
        plain = "".join(ch for ch in (code or "").lower() if ch.isalnum())
        return salted_hmac("kinfolk.accounts.RecoveryCode", plain, algorithm="sha256").hexdigest()


class MembershipQuerySet(AreaScopedQuerySet):
    """Memberships, narrowed by what their roles are for."""

    def staff(self) -> "MembershipQuerySet":
        """Roles that see other people's information at work (they need two-step verification)."""
        return self.filter(role__in=STAFF_ROLES)

    def care_workers(self) -> "MembershipQuerySet":
        """Roles that may be allocated to a person and so see their record."""
        return self.filter(role__in=CARE_ROLES)


class Membership(AreaOwned):
    """A user holding one role in one area. A user may hold several."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=40, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "area", "role"], name="one_membership_per_role")
        ]
        ordering = ["area__name", "role"]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} in {self.area}"

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES


class SignInAttempt(models.Model):
    """One try at signing in, kept to throttle guessing."""

    email = models.CharField(max_length=254, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    succeeded = models.BooleanField(default=False)


class ApiToken(models.Model):
    """A machine client's token for one membership. Only a hash of the token is kept."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(max_length=120)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()
