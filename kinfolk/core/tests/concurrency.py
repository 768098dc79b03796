"""One helper for tests that several people act at once (threads, each with its connection)."""

import threading

from django.core.exceptions import ValidationError
from django.db import connections


def all_at_once(calls) -> list:
    """Run each call in its own thread and connection, released together; their outcomes:
    "done", or the refusal's code (or message)."""
    barrier = threading.Barrier(len(calls))
    outcomes = []

    def run(call):
        try:
            barrier.wait()
            call()
            outcomes.append("done")
        except ValidationError as error:
            outcomes.append(error.code or error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
