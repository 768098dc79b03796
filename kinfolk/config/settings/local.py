"""Settings for `make run`: the embedded SQLite database and a demo area on this machine."""

from .base import *  # noqa: F403
from .base import env_flag

SECRET_KEY = SECRET_KEY or "local-only-not-secret-" + "x" * 40  # noqa: F405
KINFOLK_ENVIRONMENT = "local"
KINFOLK_DEMO = env_flag("KINFOLK_DEMO", default=True)
ALLOWED_HOSTS = ALLOWED_HOSTS + ["[::1]"]  # noqa: F405
