"""The demo area's Shared Lives scheme: households at every step, people at every stage.

Rows are written directly (the demo has no one to act), but always as the services would
leave them: both yeses before an introduction, both agreements and signatures before an
arrangement, places in use counted.
"""

import random
from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from kinfolk.accounts.actor import Actor
from kinfolk.accounts.models import Membership, Role
from kinfolk.core.geography import OUTWARD_CODE_CENTRES
from kinfolk.matching.synthetic import INTERESTS

from . import notices, policy
from .arrangements.services import review_schedule
from .carers.services import household_photo_add, household_profile_save
from .diary.demo import load_meetings
from .models import (
    COURSE_YEARS,
    ApplicationCheck,
    ApplicationStep,
    Arrangement,
    ArrangementReview,
    Carer,
    CarerCheck,
    CarerCheckKind,
    CarerStatus,
    Introduction,
    PanelDecision,
    Referral,
    ReviewKind,
    SaidFor,
    ShownHow,
    Side,
    Stage,
    StageView,
    TrainingRecord,
    add_years,
)

CODES = ["HX1", "HX2", "HX3", "HX5", "HX6", "HX7", "HD6", "OL14"]
NEEDS = ["learning_disability", "autism", "medication", "personal_care", "mental_health",
         "communication", "epilepsy", "dementia"]  # fmt: skip
PANEL = (
    "Jo Fairweather (independent chair); Dr Ken Osei (independent); "
    "Aisha Rahman (expert by experience)"
)
PETS = ["a dog", "two cats", "a rabbit", "an old Labrador"]
# A household describes itself from what it is: its pace, who is at home, what it enjoys.
OPENERS = {
    "quiet": ["A quiet home", "A calm, settled home", "A peaceful house at the end of a lane"],
    "lively": ["A busy, noisy home", "A lively house with people coming and going",
               "A full house"],
    "any": ["An easy-going home", "A friendly, ordinary home",
            "A home that fits in around you"],
}  # fmt: skip
DOING = {
    "gardening": "pottering in the garden", "cooking": "cooking for whoever turns up",
    "football": "the football on a Saturday", "music": "music on in every room",
    "walking": "walks on the moors", "art": "painting at the kitchen table",
    "crafts": "making things", "swimming": "the pool on a Tuesday", "animals": "animals",
    "films": "a film on a Friday night", "bingo": "bingo at the club", "church groups": "church",
    "gaming": "video games", "fishing": "fishing at the reservoir", "dancing": "dancing",
    "baking": "baking bread", "reading": "the library", "trains": "steam trains",
    "cars": "tinkering with the car", "knitting": "knitting", "photography": "photography",
    "cycling": "the canal towpath by bike",
}  # fmt: skip


def _profile(rng: random.Random, *, atmosphere: str, interests: list, pets: str,
             children: bool) -> str:  # fmt: skip
    """A household's few words about itself, true to what the record says of it."""
    opener = rng.choice(OPENERS[atmosphere])
    if children:
        opener += rng.choice([" with two children at school", " with a teenager at home",
                              " with grandchildren round most weekends"])  # fmt: skip
    liked = [DOING.get(i, i) for i in interests[:3]]
    enjoy = ", ".join(liked[:-1]) + (" and " if len(liked) > 1 else "") + liked[-1]
    words = f"{opener}. We enjoy {enjoy}."
    if pets:
        words += f" We have {pets}."
    return words


def _near(rng: random.Random, code: str) -> tuple[float, float]:
    lat, lon = OUTWARD_CODE_CENTRES[code]
    return lat + rng.uniform(-0.01, 0.01), lon + rng.uniform(-0.015, 0.015)


LETTERS = "ABDEFGHJLNPQRSTUWXY"


def _postcode(rng: random.Random, code: str) -> str:
    return f"{code} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"


def _train(carer: Carer, on: date, expired: str | None = None) -> None:
    TrainingRecord.objects.bulk_create(
        [
            TrainingRecord(
                area=carer.area,
                carer=carer,
                course=course,
                completed_on=on,
                expires_on=(date.today() - timedelta(days=12))
                if course == expired
                else (add_years(on, years) if years else None),
            )
            for course, years in COURSE_YEARS.items()
        ]
    )


def _household(area, user, rng: random.Random, n: int, status: str) -> Carer:
    code = rng.choice(CODES)
    lat, lon = _near(rng, code)
    approved = status == CarerStatus.APPROVED
    places = rng.choices([1, 2, 3], weights=[5, 4, 1])[0] if approved else 0
    needs = sorted(rng.sample(NEEDS, rng.randint(3, 6)))
    pets = rng.choice(PETS) if rng.random() < 0.35 else ""
    children = rng.random() < 0.25
    interests = sorted(rng.sample(INTERESTS, rng.randint(2, 5)))
    atmosphere = rng.choice(["quiet", "lively", "any"])
    return Carer.objects.create(
        area=area,
        user=user,
        name=f"The {user.display_name.split()[-1]} household" if user else f"Household {n}",
        postcode=_postcode(rng, code),
        latitude=lat,
        longitude=lon,
        status=status,
        approved_types=sorted(
            rng.sample(["long_term", "short_breaks", "day_support"], rng.randint(1, 3))
        )
        if approved
        else [],
        approved_needs=needs if approved else [],
        places=places,
        rooms=places,
        approved_on=date.today() - timedelta(days=rng.randint(60, 1500)) if approved else None,
        pets=pets,
        smokes=rng.random() < 0.08,
        children_at_home=children,
        step_free=rng.random() < 0.3,
        ground_floor_bedroom=rng.random() < 0.25,
        own_bathroom=rng.random() < 0.2,
        carer_genders=["female"] if rng.random() < 0.6 else ["female", "male"],
        interests=interests,
        languages=["English"] + (["Urdu"] if rng.random() < 0.1 else []),
        diets=["vegetarian"] if rng.random() < 0.4 else [],
        atmosphere=atmosphere,
        daily_rhythm=rng.choice(["early_riser", "night_owl", "flexible"]),
        confident_with=[x for x in needs if rng.random() < 0.7],
        profile=_profile(
            rng, atmosphere=atmosphere, interests=interests, pets=pets, children=children
        ),
    )


def _approve(carer: Carer, worker, rng: random.Random) -> None:
    on = carer.approved_on
    ApplicationCheck.objects.bulk_create(
        [
            ApplicationCheck(
                area=carer.area,
                carer=carer,
                step=step,
                completed_on=on - timedelta(days=30),
                recorded_by=worker,
            )
            for step in ApplicationStep.values
        ]
    )
    PanelDecision.objects.create(
        area=carer.area,
        carer=carer,
        panel_date=on,
        members=PANEL,
        decision="approved",
        approved_types=carer.approved_types,
        approved_needs=carer.approved_needs,
        places=carer.places,
        rooms=carer.rooms,
        recorded_by=worker,
    )
    due = add_years(on, ((date.today() - on).days // 365) + 1)
    for kind in CarerCheckKind.values:
        CarerCheck.objects.create(area=carer.area, carer=carer, kind=kind, due_on=due)


def load_shared_lives(area, people: list, carer_users: list, workers: list, rng) -> None:
    """Households, referrals, introductions at every stage, arrangements with reviews."""
    worker = workers[0]
    carers = []
    not_yet = [CarerStatus.APPLYING] * 6 + [CarerStatus.AT_PANEL] * 3
    not_yet += [CarerStatus.DEFERRED, CarerStatus.DECLINED, CarerStatus.ENQUIRY]
    not_yet = not_yet if len(carer_users) >= 4 * len(not_yet) else []
    first_not_yet = len(carer_users) - len(not_yet)
    for n, user in enumerate(carer_users):
        status = CarerStatus.APPROVED if n < first_not_yet else not_yet[n - first_not_yet]
        carer = _household(area, user, rng, n, status)
        carers.append(carer)
        if status == CarerStatus.APPROVED:
            _approve(carer, worker, rng)
            expired = "first_aid" if n % 17 == 5 else ("medication" if n % 23 == 7 else None)
            _train(carer, date.today() - timedelta(days=rng.randint(30, 600)), expired)
        elif status in (CarerStatus.APPLYING, CarerStatus.AT_PANEL):
            steps = (
                ApplicationStep.values[: rng.randint(3, 10)]
                if status == "applying"
                else ApplicationStep.values
            )
            ApplicationCheck.objects.bulk_create(
                [
                    ApplicationCheck(
                        area=area,
                        carer=carer,
                        step=step,
                        completed_on=date.today() - timedelta(days=20),
                        recorded_by=worker,
                    )
                    for step in steps
                ]
            )
        elif status in (CarerStatus.DEFERRED, CarerStatus.DECLINED):
            PanelDecision.objects.create(
                area=area,
                carer=carer,
                panel_date=date.today() - timedelta(days=25),
                members=PANEL,
                decision="deferred" if status == CarerStatus.DEFERRED else "declined",
                reasons="The panel asked for a second reference and a further visit to meet the "
                "adult son who lives at home.",
                recorded_by=worker,
            )
    # An overdue annual review for one household.
    if len(carers) > 9:
        CarerCheck.objects.filter(carer=carers[9], kind=CarerCheckKind.ANNUAL_REVIEW).update(
            due_on=date.today() - timedelta(days=20)
        )
    demo_carer = carers[0]
    Carer.objects.filter(pk=demo_carer.pk).update(
        approved_types=["long_term", "short_breaks", "day_support"],
        approved_needs=["learning_disability", "autism", "medication", "personal_care"],
        confident_with=["learning_disability", "autism"],
        interests=["gardening", "cooking", "music"],
        places=2,
        rooms=2,
        pets="",
        smokes=False,
        latitude=OUTWARD_CODE_CENTRES["HX1"][0] + 0.004,
        longitude=OUTWARD_CODE_CENTRES["HX1"][1] + 0.006,
        postcode="HX1 4QR",
        profile="Bernadette and Joe: retired, a big vegetable garden, and a piano nobody plays "
        "well. We love having people round for tea.",
        household_members="Bernadette (64) and Joe (66). Our daughter Niamh (31) lives nearby "
        "and is round most Sundays with her little boy.",
        carer_genders=["female", "male"],
        skills=["Makaton", "epilepsy rescue medication"],
        languages=["English"],
        diets=["vegetarian", "diabetic"],
        atmosphere="quiet",
        daily_rhythm="early_riser",
        ground_floor_bedroom=True,
        day_support_travel_minutes=25,
    )
    demo_carer.refresh_from_db()
    referrals = _referrals(area, people, workers, rng)
    _stages(area, referrals, carers, demo_carer, worker, rng)
    _own_record(demo_carer)
    load_meetings(area)
    _facilitation(carers, worker)


def _garden_photo() -> bytes:
    """A drawing of a house from its back garden, made now (no image files are kept)."""
    image = Image.new("RGB", (1600, 1000), (170, 210, 240))  # sky
    draw = ImageDraw.Draw(image)
    draw.ellipse((1320, 80, 1460, 220), fill=(250, 215, 90))  # sun
    draw.rectangle((0, 700, 1600, 1000), fill=(90, 160, 80))  # lawn
    draw.rectangle((420, 380, 1100, 760), fill=(190, 120, 90))  # brick house
    draw.polygon([(380, 390), (760, 160), (1140, 390)], fill=(90, 70, 70))  # roof
    for left in (480, 860):
        draw.rectangle((left, 450, left + 160, 570), fill=(220, 235, 245), outline=(255, 255, 255),
                       width=8)  # fmt: skip
    draw.rectangle((700, 580, 820, 760), fill=(40, 90, 60))  # door
    for x in range(100, 1500, 180):  # the vegetable beds
        draw.rectangle((x, 850, x + 120, 930), fill=(110, 80, 50))
        draw.ellipse((x + 20, 820, x + 100, 870), fill=(60, 130, 50))
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _own_record(carer: Carer) -> None:
    """The demo carer keeps their own record as a carer would: a photo, and a change waiting
    for the scheme to check."""
    membership = (
        Membership.objects.in_area(carer.area)
        .filter(user=carer.user, role=Role.SHARED_LIVES_CARER)
        .first()
    )
    if membership is None:
        return
    actor = Actor(user=carer.user, membership=membership)
    photo = SimpleUploadedFile("garden.png", _garden_photo(), content_type="image/png")
    household_photo_add(actor=actor, carer=carer, photo=photo,
                        caption="Our house from the back garden, with Joe's vegetable beds",
                        everyone_agreed=True)  # fmt: skip
    wanted = {name: getattr(carer, name) for name in policy.HOUSEHOLD_PROFILE}
    wanted["pets"] = "A rescue greyhound called Pip, very gentle"
    household_profile_save(actor=actor, carer=carer, wanted=wanted)


def _facilitation(carers: list, worker) -> None:
    """What the scheme worker keeps an eye on: first aid that runs out in 30 days, a household
    panel suspended (its arrangements carry on), and one a review sent back to panel."""
    approved = [c for c in carers[1:] if c.status == CarerStatus.APPROVED]
    if len(approved) < 6:
        return
    renewing, suspended, back = approved[1], approved[4], approved[5]
    TrainingRecord.objects.filter(carer=renewing, course="first_aid").update(
        expires_on=date.today() + timedelta(days=30)
    )
    PanelDecision.objects.create(
        area=suspended.area,
        carer=suspended,
        panel_date=date.today() - timedelta(days=6),
        members=PANEL,
        decision=PanelDecision.Decision.SUSPENDED,
        reasons="Suspended while a concern about the home's safety is looked into; the people "
        "supported there now carry on, with extra visits.",
        approved_types=suspended.approved_types,
        approved_needs=suspended.approved_needs,
        places=suspended.places,
        rooms=suspended.rooms,
        recorded_by=worker,
    )
    Carer.objects.filter(pk=suspended.pk).update(status=CarerStatus.SUSPENDED)
    Carer.objects.filter(pk=back.pk).update(
        back_to_panel_because="The annual review asked panel to look again at the number of "
        "places now that the family's adult son has moved home.",
        panel_on=date.today() + timedelta(days=21),
    )


def _referrals(area, people, workers, rng) -> list[Referral]:
    out = []
    # Sam (the demo person) and every fourth person (the demo scheme worker's caseload).
    chosen = [people[0]] + [p for i, p in enumerate(people[4::4])][:44]
    for n, person in enumerate(chosen):
        code = rng.choice(CODES[:5])
        lat, lon = _near(rng, code)
        has_home = n % 7 == 3
        source = ["worker", "hospital_discharge", "family", "self"][n % 4]
        sam = n == 0
        referral = Referral.objects.create(
            area=area,
            person=person,
            source="worker" if sam else source,
            referrer_name=""
            if source in ("self", "family")
            else "Calder Royal Infirmary ward 4"
            if source == "hospital_discharge"
            else "",
            received_on=date.today() - timedelta(days=rng.randint(5, 160)),
            status="looking" if n % 9 else "new",
            has_own_home=has_home,
            family_able_to_support=has_home,
            persons_choice=""
            if (has_home and n % 2)
            else "I want to live with a family who like the things I like, not on my own.",
            choice_recorded_at=timezone.now() if not (has_home and n % 2) else None,
            choice_recorded_by=workers[0] if not (has_home and n % 2) else None,
            assessed_on=date.today() - timedelta(days=3) if n % 9 else None,
            wishes="To have my own room and be part of a family.",
            hobbies=person.what_matters_to_me,
            risks="Can become anxious in crowds; plan agreed with the person.",
            easy_read="I like to know who is coming and when.\nI like a quiet evening.",
            share_with_suitable_carers=n % 3 != 2,
            postcode=_postcode(rng, code),
            latitude=lat,
            longitude=lon,
            arrangement_types=["long_term"] if n % 3 else ["short_breaks", "day_support"],
            support_needs=sorted(rng.sample(NEEDS[:4], rng.randint(1, 2))),
            interests=sorted(rng.sample(INTERESTS, rng.randint(2, 4))),
            languages=["English"],
            needs_smoke_free=rng.random() < 0.6,
            pet_allergy=rng.random() < 0.05,
            atmosphere=rng.choice(["quiet", "lively", "any"]),
            places_that_matter=[
                {
                    "name": "my sister" if n % 2 else "my day centre",
                    "kind": "family" if n % 2 else "day activity",
                    "postcode": _postcode(rng, code),
                    "latitude": lat + 0.01,
                    "longitude": lon - 0.01,
                    "max_minutes": 40,
                }
            ],
            created_by=workers[0],
        )
        if sam:
            Referral.objects.filter(pk=referral.pk).update(
                arrangement_types=["long_term"],
                support_needs=["learning_disability"],
                interests=["gardening", "cooking", "football"],
                has_own_home=False,
                family_able_to_support=False,
                status="looking",
                assessed_on=date.today() - timedelta(days=10),
                latitude=OUTWARD_CODE_CENTRES["HX1"][0],
                longitude=OUTWARD_CODE_CENTRES["HX1"][1],
                postcode="HX1 2LT",
                places_that_matter=[
                    {
                        "name": "my sister Grace",
                        "kind": "family",
                        "postcode": "HX3 5BT",
                        "latitude": OUTWARD_CODE_CENTRES["HX3"][0],
                        "longitude": OUTWARD_CODE_CENTRES["HX3"][1],
                        "max_minutes": 30,
                    }
                ],
                hobbies="Gardening, cooking Sunday dinner, watching Halifax Town",
            )
            referral.refresh_from_db()
        out.append(referral)
    return out


# What each side said after a meeting: varied, and true to the household (no dog where there
# is none).
PERSON_VIEWS = [
    "I liked the garden. Joe showed me the tomatoes.",
    "They were kind. I want to go back for tea.",
    "It was a bit loud but I liked the cake.",
    "I liked my room. It looks at the hills.",
    "We watched the football. I want to go again.",
    "I was nervous at first. Then it was OK.",
]
CARER_VIEWS = [
    "We got on well; looking forward to the next visit.",
    "Quiet at first, then chatty over lunch. A good start.",
    "Loved the music; we played records all afternoon.",
    "Settled quickly and asked lots of questions about the area.",
    "A short visit, which was right. We would like a longer one next.",
]


def _introduction(
    area, referral, carer, stage, worker, first=Side.PERSON, since=None, **extra
) -> Introduction:
    """An introduction that began at `since` (a month ago by default): the yeses then, each
    meeting a week after the last."""
    since = since or timezone.now() - timedelta(days=30)
    both = stage not in (Stage.INTEREST,)
    intro = Introduction.objects.create(
        area=area,
        referral=referral,
        person=referral.person,
        carer=carer,
        arrangement_type=next(
            (t for t in referral.arrangement_types if t in carer.approved_types),
            referral.arrangement_types[0],
        ),
        stage=stage,
        first_interest_from=first,
        person_yes_at=since if both or first == Side.PERSON else None,
        person_yes_by=referral.person.user if (both or first == Side.PERSON) else None,
        carer_yes_at=since + timedelta(days=1) if both or first == Side.CARER else None,
        carer_yes_by=carer.user if (both or first == Side.CARER) else None,
        proposed_at=since + timedelta(days=1) if both else None,
        **extra,
    )
    if stage == Stage.INTEREST:
        notices.side_said_yes(intro, first)  # the other side has been asked, as in real use
    order = [Stage.INTRODUCTION, Stage.TEA_VISIT, Stage.TRIAL_STAY]
    done = (
        order
        if stage in (Stage.AGREEING, Stage.AGREED, Stage.ARRANGED)
        else order[: order.index(stage)]
        if stage in order
        else []
    )
    for n, s in enumerate(done):
        for side in Side.values:
            # Each side says it for itself where it has an account; otherwise the worker wrote
            # it down for them, with how they showed it (ADR 0027).
            own = referral.person.user if side == Side.PERSON else carer.user
            StageView.objects.create(
                area=area,
                introduction=intro,
                stage=s,
                side=side,
                carry_on=True,
                happened_on=(since + timedelta(days=5 + 7 * n)).date(),
                view=CARER_VIEWS[(intro.pk + n) % len(CARER_VIEWS)]
                if side == Side.CARER
                else PERSON_VIEWS[(intro.pk + n) % len(PERSON_VIEWS)],
                recorded_by=own or worker,
            )
            if own is None:
                SaidFor.objects.create(
                    area=area,
                    person=referral.person,
                    carer=carer,
                    introduction=intro,
                    side=side,
                    what=SaidFor.What.CARRY_ON,
                    stage=s,
                    recorded_by=worker,
                    recorded_as="scheme worker",
                    shown_how=ShownHow.WORDS if side == Side.CARER else ShownHow.SIGNS,
                    note="Told me on the phone" if side == Side.CARER else "Smiled and nodded",
                )
    return intro


def _stages(area, referrals, carers, demo_carer, worker, rng) -> None:
    approved = [c for c in carers if c.status == CarerStatus.APPROVED and c.pk != demo_carer.pk]
    # Sam: meeting a household (tea visit next); the demo carer would like to meet Sam.
    if len(approved) < 3:
        return
    sam = referrals[0]
    _introduction(area, sam, approved[1], Stage.TEA_VISIT, worker)
    _introduction(area, sam, demo_carer, Stage.INTEREST, worker, first=Side.CARER)
    ready = [r for r in referrals[1:] if r.status == "looking" and r.persons_choice]
    plan = [
        Stage.INTEREST, Stage.INTEREST, Stage.INTRODUCTION, Stage.INTRODUCTION, Stage.TEA_VISIT,
        Stage.TRIAL_STAY, Stage.TRIAL_STAY, Stage.AGREEING, Stage.AGREED, Stage.CLOSED,
        Stage.CLOSED, Stage.ARRANGED, Stage.ARRANGED, Stage.ARRANGED, Stage.ARRANGED,
        Stage.ARRANGED, Stage.ARRANGED, "ended",
    ]  # fmt: skip
    used: dict = {}
    for n, (referral, stage) in enumerate(zip(ready, plan, strict=False)):
        needs_place = stage in (Stage.ARRANGED, "ended")
        # The demo carer's household has one arrangement of its own (and so statements).
        ours = [demo_carer] if stage == Stage.ARRANGED and not used.get(demo_carer.pk) else []
        carer = next(
            (
                c
                for c in ours + approved[2 + n :] + approved[2:]
                if used.get(c.pk, 0) < 1 and (not needs_place or c.places > c.places_in_use)
            ),
            None,
        )
        if carer is None:
            continue
        used[carer.pk] = used.get(carer.pk, 0) + 1
        if stage == Stage.INTEREST:
            _introduction(area, referral, carer if n % 2 else demo_carer, stage, worker,
                          first=Side.PERSON)  # fmt: skip
        elif stage == Stage.CLOSED:
            _introduction(
                area, referral, carer, Stage.CLOSED, worker,
                closed_at=timezone.now() - timedelta(days=8),
                closed_by_side=Side.CARER if n % 2 else Side.PERSON,
            )  # fmt: skip
        elif stage in (Stage.AGREED, Stage.ARRANGED, "ended"):
            # Met, agreed, then started: a start only after both agreed.
            starts = date.today() + timedelta(
                days=14 if stage == Stage.AGREED else -STARTED_DAYS_AGO[n % len(STARTED_DAYS_AGO)]
            )
            agreed_at = _moment(starts - timedelta(days=10))
            intro = _introduction(
                area,
                referral,
                carer,
                Stage.AGREED if stage == Stage.AGREED else Stage.ARRANGED,
                worker,
                since=agreed_at - timedelta(days=40),
                person_agreed_at=agreed_at,
                carer_agreed_at=agreed_at + timedelta(hours=5),
            )
            if stage != Stage.AGREED:
                _arrangement(area, intro, carer, worker, rng, ended=stage == "ended", n=n,
                             started=starts)  # fmt: skip
        else:
            _introduction(area, referral, carer, stage, worker)


# Reviews in both sides' words: the person's view, the carer's, what goes well, what to change,
# and the actions agreed.
REVIEW_WORDS = [
    (
        "I like my room and helping in the garden. I miss my mum on Sundays.",
        "Settling in well; evenings are relaxed. Sundays can be hard.",
        "Meals together; helping with the vegetable patch.",
        "Sunday visits to mum, so they do not depend on a lift from us.",
        "Worker to look at a taxi account for Sunday visits by the next visit.",
    ),
    (
        "It is good. I want to go to the swimming club again.",
        "Confident with the bus now; we would like more notice of hospital appointments.",
        "Travelling to the day centre alone on the bus.",
        "Getting back to swimming; appointment letters to reach the carer too.",
        "Carer to ask the leisure centre about Tuesday sessions; worker to update contacts.",
    ),
    (
        "I chose not to say much today; I said I am happy.",
        "Quieter than usual this month; sleeping well, eating well.",
        "A settled routine and regular calls with his brother.",
        "Nothing for now.",
        "Keep to the monthly visit; the person can ask for a review at any time.",
    ),
]


STARTED_DAYS_AGO = [20, 45, 100, 200, 400, 35, 300]


def _moment(day: date):
    """Mid-morning on `day`, as a time the database keeps."""
    return timezone.make_aware(datetime.combine(day, time(10, 30)))


def _arrangement(area, intro, carer, worker, rng, ended: bool, n: int, started: date) -> None:
    long_term = intro.arrangement_type == "long_term"
    arrangement = Arrangement.objects.create(
        area=area,
        introduction=intro,
        person=intro.person,
        carer=carer,
        arrangement_type=intro.arrangement_type,
        starts_on=started,
        person_agreed_at=intro.person_agreed_at,
        carer_agreed_at=intro.carer_agreed_at,
        agreement_signed_by_person_on=started - timedelta(days=3),
        agreement_signed_by_carer_on=started - timedelta(days=3),
        licence_signed_by_person_on=started - timedelta(days=3) if long_term else None,
        licence_signed_by_carer_on=started - timedelta(days=3) if long_term else None,
        band=rng.randint(1, 3),
        nights_or_sessions_per_month=0 if long_term else rng.randint(2, 8),
        status="ended" if ended else "active",
        ended_on=date.today() - timedelta(days=5) if ended else None,
        ended_by_side=Side.PERSON if ended else "",
        end_reason="Wanted to live nearer to college." if ended else "",
        next_step="Moving to a supported living flat near Calderdale College, with the same "
        "day activities."
        if ended
        else "",
        created_by=worker,
    )
    Referral.objects.filter(pk=intro.referral_id).update(status="arranged")
    reviews = review_schedule(arrangement)
    for review in reviews:
        # Most past reviews were done; one in three is left overdue for the dashboard.
        if review.due_on < date.today() and (review.kind != ReviewKind.MONTHLY_VISIT or n % 3):
            review.done_on = review.due_on + timedelta(days=2)
            person_view, carer_view, well, change, actions = REVIEW_WORDS[
                (n + review.due_on.month) % len(REVIEW_WORDS)
            ]
            review.person_view, review.carer_view = person_view, carer_view
            review.going_well, review.to_change = well, change
            review.agreed_actions = actions
            review.recorded_by = worker
    ArrangementReview.objects.bulk_create(reviews)


def load_demo(demo) -> None:
    """The demo area's part: its Shared Lives scheme (kinfolk.core.registries.DemoArea)."""
    load_shared_lives(demo.area, demo.people, demo.carers, demo.workers, demo.rng)
