"""factory_boy factories for every model, shared by all tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from goodfit.core.models import Membership, Role, Team
from goodfit.pipeline.models import Deal, Interaction, Offering, Outcome, Prospect, Stage


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    currency = "USD"
    time_zone = "America/New_York"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"First{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    team = factory.SubFactory(TeamFactory)
    role = Role.REP
    time_zone = "America/New_York"


class OfferingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offering

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Offering {n}")
    price = Decimal("10000")
    cost_to_serve = Decimal("4000")
    min_margin_pct = Decimal("25")


class StageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stage

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Stage {n}")
    position = factory.Sequence(lambda n: n)
    outcome = Outcome.OPEN


class ProspectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Prospect

    team = factory.SubFactory(TeamFactory)
    name = factory.Sequence(lambda n: f"Prospect {n}")
    email = factory.LazyAttribute(lambda p: f"{p.name.lower().replace(' ', '.')}@example.com")
    segment = "SMB"
    source = "web form"
    time_zone = "Europe/Lisbon"


class DealFactory(factory.django.DjangoModelFactory):
    """A deal with its team's first open stage; pass ``stage=`` for another."""

    class Meta:
        model = Deal

    team = factory.SubFactory(TeamFactory)
    prospect = factory.SubFactory(ProspectFactory, team=factory.SelfAttribute("..team"))
    offering = factory.SubFactory(OfferingFactory, team=factory.SelfAttribute("..team"))
    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Deal {n}")
    amount = Decimal("12000")
    currency = "USD"
    stage = factory.LazyAttribute(
        lambda d: d.team.stages.filter(outcome=Outcome.OPEN).first() or StageFactory(team=d.team)
    )
    created_at = factory.LazyFunction(timezone.now)
    updated_at = factory.LazyFunction(timezone.now)


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    deal = factory.SubFactory(DealFactory)
    direction = Interaction.Direction.OUTBOUND
    channel = "call"
    occurred_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
    summary = "Talked through the proposal"
    word_count = 4
