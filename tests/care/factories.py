import datetime

import factory

from apps.care.models import Consultation, ContactPoint, OpeningSlot
from apps.core.models import Publishable
from tests.factories import FrenchSlugMixin


class ContactPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPoint
        skip_postgeneration_save = True

    name_fr = factory.Sequence(lambda n: f"Accueil {n}")
    name_en = factory.Sequence(lambda n: f"Desk {n}")
    slug = factory.Sequence(lambda n: f"desk-{n}")
    phone = "01 44 32 40 00"
    status = Publishable.Status.PUBLISHED

    @factory.post_generation
    def weekdays(self, create, extracted, **kwargs):
        """weekdays=True: Monday to Friday, 9:00 to 17:00."""
        if create and extracted:
            OpeningSlot.objects.bulk_create(
                OpeningSlot(
                    contact_point=self,
                    weekday=day,
                    opens=datetime.time(9),
                    closes=datetime.time(17),
                )
                for day in range(5)
            )


class ConsultationFactory(FrenchSlugMixin, factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation
        skip_postgeneration_save = True

    name_fr = factory.Sequence(lambda n: f"Consultation {n}")
    name_en = factory.Sequence(lambda n: f"Consultation {n} (en)")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    summary_fr = "Résumé."
    summary_en = "Summary."
    status = Publishable.Status.PUBLISHED


class CancerTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "care.CancerType"
        django_get_or_create = ("slug",)

    name_fr = factory.Sequence(lambda n: f"Cancer {n}")
    name_en = factory.Sequence(lambda n: f"Cancer {n} (en)")
    slug = factory.Sequence(lambda n: f"cancer-{n}")
    status = Publishable.Status.PUBLISHED


class ClinicalTrialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "care.ClinicalTrial"
        skip_postgeneration_save = True

    title_fr = factory.Sequence(lambda n: f"Essai {n}")
    title_en = factory.Sequence(lambda n: f"Trial {n}")
    acronym = factory.Sequence(lambda n: f"TRIAL-{n}")
    slug = factory.Sequence(lambda n: f"trial-{n}")
    phase = "1"
    recruitment = "recruiting"
    treatment = "checkpoint"
    summary_fr = "Résumé."
    summary_en = "Summary."
    status = Publishable.Status.PUBLISHED
