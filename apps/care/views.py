from django.utils import timezone
from django.views.generic import ListView, TemplateView

from apps.care.models import Consultation, ContactPoint
from apps.care.querysets import with_hours
from apps.core.views import PublishableDetailView
from apps.teams.models import Person


class PatientsHubView(TemplateView):
    """The patients page: each need leads straight to its contact point, with its phone number,
    whether it is open now (Paris time), its hours and how to come."""

    template_name = "care/hub.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        points = list(with_hours(ContactPoint.objects.published()).order_by("order", "name"))
        for point in points:
            point.state = point.opening_state(now)
        by_need = {point.need: point for point in reversed(points) if point.need}
        context["needs"] = [
            {"value": value, "label": label, "point": by_need.get(value)}
            for value, label in ContactPoint.Need.choices
        ]
        context["contact_points"] = points
        context["consultations"] = list(Consultation.objects.published().order_by("order", "name"))
        return context


class ConsultationListView(ListView):
    template_name = "care/consultation_list.html"
    context_object_name = "consultations"

    def get_queryset(self):
        return (
            Consultation.objects.published()
            .select_related("contact_point")
            .order_by("order", "name")
        )


class ConsultationDetailView(PublishableDetailView):
    model = Consultation
    template_name = "care/consultation_detail.html"
    context_object_name = "consultation"

    def get_queryset(self):
        from django.db.models import Prefetch

        return (
            Consultation.objects.visible_to(self.request.user)
            .select_related("contact_point")
            .prefetch_related(
                Prefetch(
                    "physicians",
                    queryset=Person.objects.published()
                    .select_related("photo")
                    .prefetch_related("photo__renditions")
                    .order_by("sort_key"),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        point = self.object.contact_point
        if point is not None and point.is_published():
            point = with_hours(ContactPoint.objects.filter(pk=point.pk)).first()
            point.state = point.opening_state()
            context["point"] = point
        return context
