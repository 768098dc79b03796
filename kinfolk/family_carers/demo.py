"""The demo area's family carer: Joy Adeyemi looks after her father, with a plan, two back-up
contacts who said yes, and a card; the emergency team's 24-hour number. Made through the same
services a person would use. Idempotent: a second load leaves it as it is."""

from django.contrib.auth.hashers import make_password

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.demo import DEMO_DOMAIN
from kinfolk.accounts.models import Membership, Role, User

from . import services
from .models import CaredFor, EmergencySettings

# A number kept for drama (Ofcom): it rings nowhere.
TWENTY_FOUR_HOURS = "01632 960 000"
CONTACTS = [
    ("Aisha Begum", "07700 900 101", "neighbour"),
    ("Tunde Adeyemi", "07700 900 102", "brother"),
]
PLAN = {
    "can_be_left": "About 2 hours in the day. Never overnight.",
    "needs": "Help to wash and dress in the morning; meals cooked; reminders to drink.",
    "medicines": "Metformin 500 mg with breakfast and tea. Donepezil 10 mg at bedtime.",
    "medicines_kept": "Blue box in the kitchen cupboard above the kettle.",
    "allergies": "Penicillin (rash and swelling).",
    "gp": "Calder Health Centre, 01632 960 111",
    "pharmacy": "Riverside Pharmacy, 01632 960 222",
    "services": "Home care visit at 8am on weekdays (Calder Home Care).",
    "mobility": "Walks with a frame indoors; needs a wheelchair outside.",
    "communication": "Hard of hearing on the left: speak slowly, face him.",
    "routines": "Tea and the radio news at 7am. Bed by 10pm with the landing light on.",
    "behaviour": "Can become upset in the evening; sitting with him and old photos helps.",
    "pets": "A cat, Pepper: Aisha feeds her.",
    "keys_where": "Key safe by the back door (code held by the home care agency).",
    "keys_held_by": "Aisha Begum, next door",
}


def _actor(user, area, role) -> Actor:
    membership, _ = Membership.objects.get_or_create(user=user, area=area, role=role)
    return Actor(user=user, membership=membership)


def load_demo(demo) -> None:
    """The family carer's plan, contacts and card, and the area's 24-hour number."""
    area = demo.area
    carer = demo.sign_ins.get(Role.FAMILY_CARER)
    if carer is None:
        return
    EmergencySettings.objects.get_or_create(
        area=area, defaults={"twenty_four_hour_number": TWENTY_FOUR_HOURS}
    )
    if CaredFor.objects.in_area(area).filter(carer=carer).exists():
        return
    actor = _actor(carer, area, Role.FAMILY_CARER)
    cared_for = services.cared_for_add(
        actor=actor,
        name="Samuel Adeyemi",
        about="My father, 84.",
        what_i_do="I live with him and do everything at home: meals, medicines, appointments.",
        what_would_help="A break one afternoon a week, and someone to talk to.",
    )
    services.plan_save(
        actor=actor,
        cared_for=cared_for,
        **PLAN,
        what_i_do=cared_for.what_i_do,
        what_would_help=cared_for.what_would_help,
    )
    password = carer.password  # the back-up contacts share the published demo password
    for n, (name, phone, relationship) in enumerate(CONTACTS, start=1):
        email = f"backup-contact-{n}@{DEMO_DOMAIN}"
        user, _ = User.objects.get_or_create(email=email, defaults={"display_name": name})
        user.password = password or make_password(None)
        user.save(update_fields=["password"])
        contact, token = services.contact_add(
            actor=actor,
            cared_for=cared_for,
            name=name,
            phone=phone,
            email=email,
            relationship=relationship,
        )
        services.contact_answer(user=user, token=token, agree=True)
    services.card_issue(actor=actor, cared_for=cared_for)
    _concerns(demo)
    _equipment(demo)


def _concerns(demo) -> None:
    """Sam's representative raised a worry about his medicines; his worker answered it."""
    from kinfolk.people.models import Person

    from .concerns import services as concerns

    rep, worker = demo.sign_ins.get(Role.REPRESENTATIVE), demo.sign_ins.get(Role.SCHEME_WORKER)
    sam = Person.objects.in_area(demo.area).filter(user=demo.sign_ins.get(Role.PERSON)).first()
    if not (rep and worker and sam):
        return
    concern = concerns.concern_raise(
        actor=_actor(rep, demo.area, Role.REPRESENTATIVE), person=sam, urgent=False,
        worry="Sam's evening tablets were missed twice last week at the day centre. I told the "
        "staff on Monday and nobody has called me back.",
    )  # fmt: skip
    from datetime import timedelta

    from django.utils import timezone

    from .models import Concern

    four_days_ago = timezone.now() - timedelta(days=4)
    Concern.objects.filter(pk=concern.pk).update(
        raised_at=four_days_ago, respond_by=four_days_ago + concerns.OTHERWISE_WITHIN
    )
    concern.refresh_from_db()
    concerns.concern_answer(
        actor=_actor(worker, demo.area, Role.SCHEME_WORKER), concern=concern,
        answer="Thank you for telling us. I spoke to the day centre manager: the evening round "
        "now has a second check, and the centre will phone you if a dose is ever late.",
        next_step="I will visit Sam on Thursday and call you afterwards.",
    )  # fmt: skip


def _equipment(demo) -> None:
    """A bath lift for Sam, asked for by Grace: the lift is in, the grab rail is late."""
    from datetime import timedelta

    from django.utils import timezone

    from kinfolk.people.models import Person

    from .equipment import services as equipment
    from .equipment.models import EquipmentRequest

    rep, worker = demo.sign_ins.get(Role.REPRESENTATIVE), demo.sign_ins.get(Role.SCHEME_WORKER)
    sam = Person.objects.in_area(demo.area).filter(user=demo.sign_ins.get(Role.PERSON)).first()
    if not (rep and worker and sam):
        return
    today = timezone.localdate()
    request = equipment.request_make(
        actor=_actor(rep, demo.area, Role.REPRESENTATIVE), person=sam,
        what="A bath lift and a grab rail", why="Sam slipped getting out of the bath in October.",
        parts=[("The bath lift", "health", today - timedelta(days=20)),
               ("A grab rail by the bath", "housing", today - timedelta(days=6))],
    )  # fmt: skip
    EquipmentRequest.objects.filter(pk=request.pk).update(requested_on=today - timedelta(days=41))
    lift, rail = request.parts.order_by("pk")
    coordinator = _actor(worker, demo.area, Role.SCHEME_WORKER)
    fitted = today - timedelta(days=22)
    equipment.part_update(actor=coordinator, part=lift, status="working", working_on=fitted,
                          note="Fitted and shown to Sam")  # fmt: skip
    equipment.part_update(actor=coordinator, part=rail, status="ordered",
                          note="Housing have ordered it; no fitting date yet")  # fmt: skip
