"""Wrong card numbers typed at the same moment are counted one after another (the user's row is
locked), so nobody gets more than five wrong tries by sending them all at once."""

import pytest

from kinfolk.core.tests.concurrency import all_at_once
from kinfolk.family_carers import services
from kinfolk.family_carers.models import CardTry


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_eight_wrong_numbers_at_once_count_five_then_lock(family, actor_for):
    responder = actor_for(family.responder)
    outcomes = all_at_once(
        [lambda: services.card_try(actor=responder, number="1111 2222 3333 4444")] * 8
    )
    wrong = [o for o in outcomes if o.startswith("That card number did not open")]
    locked = [o for o in outcomes if o.startswith("You have typed a wrong card number")]
    assert (len(wrong), len(locked)) == (5, 3)
    assert CardTry.objects.filter(user=family.responder.user, right=False).count() == 5
