"""Settings for `make run` on a developer's machine: SQLite, console e-mail, debug on."""

import os

from .base import *  # noqa: F403

DEBUG = True
# A fixed key is fine here and only here: dev settings never serve real users.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-gongxue")
ALLOWED_HOSTS = ["*"]
