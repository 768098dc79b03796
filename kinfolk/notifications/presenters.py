"""What the notification pages show: plain rows from what the selectors read."""

from dataclasses import dataclass

from .models import DeliveryStatus

# Short words for the table (a phone shows them in a narrow column).
STATUS_WORDS = {
    DeliveryStatus.SENT: "Sent",
    DeliveryStatus.OUTBOX: "In the outbox",
    DeliveryStatus.SENDING: "Sending",
    DeliveryStatus.FAILED: "Not sent",
}
STATUS_TAGS = {
    DeliveryStatus.SENT: "green",
    DeliveryStatus.OUTBOX: "blue",
    DeliveryStatus.SENDING: "yellow",
    DeliveryStatus.FAILED: "red",
}


@dataclass(frozen=True)
class OutboxRow:
    """One message in the outbox, as the area admin reads it."""

    recipient: str
    event: str
    channel: str
    status: str
    status_tag: str
    problem: str
    at: object


def outbox_rows(deliveries, events_by_code: dict) -> list[OutboxRow]:
    """Rows for the outbox table: who, what they were told (the message, never more), how."""
    rows = []
    for delivery in deliveries:
        event = events_by_code.get(delivery.template)
        rows.append(
            OutboxRow(
                recipient=delivery.notification.recipient.display_name,
                event=event.message if event else delivery.template,
                channel=delivery.get_channel_display(),
                status=STATUS_WORDS.get(delivery.status, delivery.get_status_display()),
                status_tag=STATUS_TAGS.get(delivery.status, "grey"),
                problem=delivery.problem,
                at=delivery.at,
            )
        )
    return rows
