"""Settings for bench/search_bench.py: the real search worker backend, PostgreSQL and Elasticsearch."""

import os

from website.settings.base import *  # noqa: F403

SECRET_KEY = os.environ.get("SECRET_KEY", "bench-only-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "gongxue-bench")
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
