"""Background work through Django's task framework: the database queue that `make run` uses,
and Redis with a real RQ worker process (ADR 0025)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone

from kinfolk.notifications import services, tasks
from kinfolk.notifications.events import TEST_MESSAGE
from kinfolk.notifications.models import Delivery

ROOT = Path(__file__).resolve().parents[3]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db(transaction=True)
def test_the_database_queue_holds_work_until_a_worker_takes_it(settings):
    settings.TASKS = DATABASE_QUEUE
    result = tasks.ping.enqueue("hello")
    assert result.status == TaskResultStatus.READY
    call_command("worker", "--burst")
    result.refresh()
    assert (result.status, result.return_value) == (TaskResultStatus.SUCCESSFUL, "pong:hello")


@pytest.mark.django_db(transaction=True)
def test_a_failed_message_waits_before_it_is_tried_again(
    settings, make_member, area, notify, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    notify.fail_with = [503]
    carer = make_member("shared_lives_carer", area, email="c@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        told = services.tell(recipient=carer.user, area=area, event=TEST_MESSAGE, text="t", key="k")
    call_command("worker", "--burst")
    assert Delivery.objects.get(notification=told).status == "failed"
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).get()
    assert waiting.run_after > timezone.now() + timezone.timedelta(seconds=50)


def _redis_is_up() -> bool:
    import redis

    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/15").ping()
    except redis.RedisError:
        return False


ENQUEUE = """
import django, sys
django.setup()
from kinfolk.notifications import tasks
print(tasks.ping.enqueue(sys.argv[1]).id)
"""
RESULT = """
import django, sys
django.setup()
from kinfolk.notifications import tasks
result = tasks.ping.get_result(sys.argv[1])
print(result.status, result.return_value)
"""


@pytest.mark.skipif(not _redis_is_up(), reason="needs Redis on 127.0.0.1:6379")
def test_redis_and_a_real_rq_worker_process_take_the_same_tasks():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kinfolk.config.settings.local",
        "KINFOLK_TASKS": "redis",
        "KINFOLK_REDIS_URL": "redis://127.0.0.1:6379/15",
        "DATABASE_URL": "sqlite:///:memory:",
    }

    def run(*args):
        done = subprocess.run(
            [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    task_id = run("-c", ENQUEUE, "from-ci")
    run("manage.py", "rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job")
    assert run("-c", RESULT, task_id) == "SUCCESSFUL pong:from-ci"


@pytest.mark.django_db(transaction=True)
def test_a_change_that_is_undone_leaves_nothing_in_the_queue(settings, make_member, area):
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from kinfolk.notifications.models import Notification

    settings.TASKS = DATABASE_QUEUE
    carer = make_member("shared_lives_carer", area)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.tell(recipient=carer.user, area=area, event=TEST_MESSAGE, text="t", key="k")
        raise RuntimeError("the page failed after telling")
    assert not Notification.objects.exists() and not DBTaskResult.objects.exists()
    with transaction.atomic():
        services.tell(recipient=carer.user, area=area, event=TEST_MESSAGE, text="t", key="k")
    assert DBTaskResult.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_work_that_fails_in_a_real_worker_is_shown_to_the_area_admin_without_its_arguments(
    settings, make_member, area, signed_in_client
):
    from django.urls import reverse

    from kinfolk.notifications.models import BackgroundFailure

    settings.TASKS = DATABASE_QUEUE
    result = tasks.ping.enqueue("one", "too many")  # ping takes one word: the worker fails it
    call_command("worker", "--burst")
    result.refresh()
    assert result.status == TaskResultStatus.FAILED
    assert BackgroundFailure.objects.get().problem == "TypeError"
    page = signed_in_client(make_member("area_admin", area)).get(reverse("notifications:scheduled"))
    table = page.content.decode().split('data-testid="background-failures"')[1]
    assert "Checking a worker is taking work" in table and "TypeError" in table
    assert "too many" not in page.content.decode()


def test_work_that_succeeds_leaves_no_failure(db):
    from kinfolk.notifications.models import BackgroundFailure

    tasks.ping.enqueue("fine")
    assert not BackgroundFailure.objects.exists()
