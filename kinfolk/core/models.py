"""Areas (a local system: council, NHS and community) and the append-only audit log."""

import hashlib
import hmac
import json

from django.conf import settings
from django.db import models


class Area(models.Model):
    """A local system where a council, the NHS and the community work together."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    council = models.CharField(max_length=160, blank=True)
    nhs_body = models.CharField("NHS body (integrated care board)", max_length=160, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed"
    CREATE = "create", "Created"
    UPDATE = "update", "Updated"
    EXPORT = "export", "Exported"
    DELETE = "delete", "Deleted"
    DENIED = "denied", "Denied"
    BREAK_GLASS = "break_glass", "Emergency access"
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    SIGN_OUT = "sign_out", "Signed out"


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit entry."""


class AuditLog(models.Model):
    """One thing someone did (or tried to do), chained to the entry before it by hash.

    Entries hold identifiers, never a person's details, so erasing a person leaves the
    chain intact.
    """

    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    role = models.CharField(max_length=40, blank=True)
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    target_type = models.CharField(max_length=60)
    target_id = models.CharField(max_length=64, blank=True)
    person_id = models.UUIDField(null=True, blank=True, db_index=True)
    reason = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["sequence"]
        indexes = [models.Index(fields=["area", "action", "at"])]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted.")

    def canonical(self) -> bytes:
        """The entry's content and the previous hash, as the bytes its seal is made from."""
        content = {
            "sequence": self.sequence,
            "at": self.at.isoformat(),
            "actor": self.actor_id,
            "actor_label": self.actor_label,
            "role": self.role,
            "area": self.area_id,
            "action": self.action,
            "target_type": self.target_type,
            "target_id": self.target_id,
            "person_id": str(self.person_id) if self.person_id else None,
            "reason": self.reason,
            "detail": self.detail,
            "previous_hash": self.previous_hash,
        }
        return json.dumps(content, sort_keys=True, separators=(",", ":"), default=str).encode()

    def computed_hash(self, key: bytes) -> str:
        """The seal this entry should carry: HMAC-SHA256 of its content under the audit key."""
        return hmac.new(key, self.canonical(), hashlib.sha256).hexdigest()


class AuditChainHead(models.Model):
    """The last entry's sequence and hash: a lock for writers, and proof against truncation.

    One row, created by `migrate`; a trigger lets it move only forward to the newest entry.
    """

    sequence = models.PositiveBigIntegerField(default=0)
    entry_hash = models.CharField(max_length=64, default="0" * 64)


class FormSent(models.Model):
    """A form that was acted on, by its one-time token: sending it again (the browser's Back, a
    double click) shows what the first sending made instead of making it again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.UUIDField()
    outcome_url = models.CharField(max_length=300)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="form_sent_once")]
