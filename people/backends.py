"""Signing in: Django's model backend, with each request's user read together with their person."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import OuterRef

from wagtail import hooks


def read_with_user() -> dict:
    """What the signed-in user's query reads beside the user: {attribute: expression}.

    `group_ids`: the ids of the user's groups. Apps add theirs with the hook
    `gongxue_read_with_user` (a function returning such a dict); each expression is an array
    subquery on the user, so it is as fresh as the user itself.
    """
    User = get_user_model()
    read = {
        "group_ids": ArraySubquery(
            User.groups.through.objects.filter(user=OuterRef("pk")).values("group_id")
        )
    }
    for entry in hooks.get_hooks("gongxue_read_with_user"):
        read.update(entry())
    return read


class PersonBackend(ModelBackend):
    """Loads the signed-in user with their Person in one query: nearly every page asks for the
    person (their name, department, groups, principals), which would otherwise cost a query more.
    On PostgreSQL the same query reads the ids of their groups and study groups (see
    `read_with_user`): a search would otherwise ask for them in two queries more."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("person")
        if connection.vendor == "postgresql":
            users = users.annotate(**read_with_user())
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
