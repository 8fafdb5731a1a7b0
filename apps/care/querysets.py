import datetime

from django.db.models import Prefetch
from django.utils import timezone


def with_hours(queryset):
    """Contact points with their weekly slots and the exceptions of the coming days."""
    from apps.care.models import OpeningException

    today = timezone.localdate()
    return queryset.prefetch_related(
        "slots",
        Prefetch(
            "exceptions",
            queryset=OpeningException.objects.filter(
                date__gte=today,
                date__lte=today + datetime.timedelta(days=8),
            ),
        ),
    )
