import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from people import roles
from people.models import Department, Person, Position

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*[Group.objects.get(name=name) for name in extracted])
        if create:
            self.save()


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"第{n}科")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory, roles=[roles.CADRES])
    display_name = factory.Faker("name", locale="zh_CN")
    department = factory.SubFactory(DepartmentFactory)
    position = Position.CADRE


def person_with_roles(username: str, *role_names: str, **fields) -> Person:
    """A person whose user is in the given role groups."""
    user = UserFactory(username=username, roles=[roles.CADRES, *role_names])
    return PersonFactory(user=user, **fields)
