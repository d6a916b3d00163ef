"""Signing in: Django's model backend, with each request's user read together with their person."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class PersonBackend(ModelBackend):
    """Loads the signed-in user with their Person in one query: nearly every page asks for the
    person (their name, department, groups, principals), which would otherwise cost a query more."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("person")
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
