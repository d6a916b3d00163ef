"""Search fixtures: a fresh index for each test that needs one, and applying the outbox on demand.

Tests run inside a transaction that is rolled back, so on-commit tasks never fire there:
`index_now()` applies the recorded changes explicitly, exactly as the background task would.
"""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from people import roles
from search import indexing, queries

from ..knowledge.factories import ArticlePageFactory
from ..people.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_breaker():
    queries.reset_breaker()
    yield
    queries.reset_breaker()


def index_now():
    """Apply every recorded change to the index and make it searchable at once."""
    result = indexing.apply_pending(force=True, refresh=True)
    assert not result.failed, result.error
    return result


def article_for_leaders_only(title: str, **fields):
    """A published article whose page only the learning leadership group may see."""
    article = ArticlePageFactory(title=title, **fields)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name=roles.LEARNING_LEADERSHIP_GROUP))
    return article


@pytest.fixture
def members_group(db):
    return Group.objects.create(name="Central study group members")


@pytest.fixture
def superuser(db):
    user = UserFactory(username="root")
    user.is_superuser = True
    user.is_staff = True
    user.save()
    return user
