from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.generic import FormView, ListView, TemplateView

from apps.care.forms import ContactForm, TrialFilterForm
from apps.care.models import CancerType, ClinicalTrial, Consultation, ContactPoint
from apps.care.querysets import with_hours
from apps.care.services import ContactRateLimited, contact_request_submit
from apps.core.clients import client_hash
from apps.core.registry import text_filter
from apps.core.views import FilteredListMixin, LenientPaginationMixin, PublishableDetailView
from apps.teams.models import Person, Team


class PatientsHubView(TemplateView):
    """The patients page: each need leads straight to its contact point, with its phone number,
    whether it is open now (Paris time), its hours and how to come."""

    template_name = "care/hub.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        points = list(
            with_hours(ContactPoint.objects.published()).order_by("-is_main_line", "order", "name")
        )
        for point in points:
            point.state = point.opening_state(now)
        by_need = {point.need: point for point in reversed(points) if point.need}
        context["needs"] = [
            {"value": value, "label": label, "point": by_need.get(value)}
            for value, label in ContactPoint.Need.choices
        ]
        context["need_groups"] = need_groups(context["needs"], points)
        context["main_point"] = next((p for p in points if p.is_main_line and p.phone), None)
        context["contact_points"] = points
        context["consultations"] = list(Consultation.objects.published().order_by("order", "name"))
        return context


def need_groups(needs: list[dict], points: list) -> list[dict]:
    """The needs gathered by the number to call, so a number shows once: [{"line", "needs"}].

    A need's contact point with its own phone is its line; one without a phone (a service
    reached through the switchboard) or no contact point at all leads to the main line (`line`
    None: the main patient line of the context processor). Needs that end on the same number
    share one card, in the order of the needs."""
    main = next((p for p in points if p.is_main_line and p.phone), None)
    groups: dict[str, dict] = {}
    for need in needs:
        point = need["point"]
        line = point if point is not None and point.phone else main
        key = line.phone_uri if line is not None else ""
        group = groups.setdefault(key, {"line": line, "needs": [], "via": False})
        group["needs"].append(need)
        # "Ask the switchboard for this service": the need's service has no number of its own.
        group["via"] = group["via"] or (point is not None and point is not line)
        group["line_named"] = group.get("line_named") or point is line
    return list(groups.values())


class ConsultationListView(ListView):
    template_name = "care/consultation_list.html"
    context_object_name = "consultations"

    def get_queryset(self):
        consultations = list(
            Consultation.objects.published()
            .select_related("contact_point")
            .order_by("order", "name")
        )
        for consultation in consultations:  # a draft contact point is not shown
            point = consultation.contact_point
            if point is not None and not point.is_published():
                consultation.contact_point = None
        return consultations


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


class TrialListView(FilteredListMixin, LenientPaginationMixin, ListView):
    """The clinical trials finder: recruiting first, filters by words (the site search's
    engine), status, cancer type, phase, treatment kind and principal investigator."""

    template_name = "care/trial_list.html"
    context_object_name = "trials"
    paginate_by = 20

    def get_queryset(self):
        self.cancer_types = list(CancerType.objects.published().order_by("name"))
        self.investigators = list(
            Person.objects.published()
            .filter(trials__in=ClinicalTrial.objects.published())
            .distinct()
            .order_by("sort_key", "pk")
            .only("slug", "title", "first_name", "last_name", "sort_key")
        )
        self.form = TrialFilterForm(
            self.request.GET or None,
            cancer_types=self.cancer_types,
            investigators=self.investigators,
        )
        trials = ClinicalTrial.objects.published().prefetch_related(
            Prefetch("cancer_types", queryset=CancerType.objects.published().order_by("name"))
        )
        filters = {
            "recruitment": self.form.valid_value("status"),
            "cancer_types__slug": self.form.valid_value("cancer"),
            "phase": self.form.valid_value("phase"),
            "treatment": self.form.valid_value("treatment"),
            "investigator__slug": self.form.valid_value("investigator"),
        }
        trials = trials.filter(**{key: value for key, value in filters.items() if value})
        trials = trials.distinct().recruiting_first()
        text = self.form.valid_value("q")
        self.filtered = any(filters.values()) or bool(text)
        self.choices_in_use = sum(1 for value in filters.values() if value)
        if text:
            # Recruiting first still: a patient looks for a trial they can join.
            trials = text_filter(trials, text, ranked=False)
        return trials

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, filtered=self.filtered, choices_in_use=self.choices_in_use)
        return context


class TrialDetailView(PublishableDetailView):
    model = ClinicalTrial
    template_name = "care/trial_detail.html"
    context_object_name = "trial"

    def get_queryset(self):
        return (
            ClinicalTrial.objects.visible_to(self.request.user)
            .select_related("investigator", "contact_point")
            .prefetch_related(
                Prefetch("cancer_types", queryset=CancerType.objects.published().order_by("name")),
                Prefetch("teams", queryset=Team.objects.published().order_by("name")),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        trial = self.object
        investigator = trial.investigator
        context["investigator"] = (
            investigator if investigator is not None and investigator.is_published() else None
        )
        point = trial.contact_point
        if point is not None and point.is_published():
            point = with_hours(ContactPoint.objects.filter(pk=point.pk)).first()
            point.state = point.opening_state()
            context["point"] = point
        return context


class ContactView(FormView):
    template_name = "care/contact.html"
    form_class = ContactForm

    def get_context_data(self, **kwargs):
        from django.urls import reverse

        context = super().get_context_data(**kwargs)
        context["hub_url"] = reverse("care:hub")
        context["retention_months"] = settings.CONTACT_RETENTION_MONTHS
        return context

    def get_initial(self):
        initial = super().get_initial()
        topic = self.request.GET.get("topic", "")
        if topic.isascii() and topic.isdigit() and len(topic) < 10:
            initial["topic"] = int(topic)
        return initial

    def form_valid(self, form):
        if form.is_robot():
            # A robot gets the same answer as a person, and nothing is stored.
            return redirect("care:contact-thanks")
        data = form.cleaned_data
        try:
            contact_request_submit(
                topic=data["topic"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                message=data["message"],
                language=translation.get_language(),
                client_hash=client_hash(self.request),
                rate_limit=settings.CONTACT_RATE_LIMIT,
            )
        except ContactRateLimited:
            # The message is not lost: the form comes back filled in, with the reason.
            return render(
                self.request,
                "care/contact.html",
                {**self.get_context_data(form=form), "rate_limited": True},
                status=429,
            )
        return redirect("care:contact-thanks")


class ContactThanksView(TemplateView):
    template_name = "care/contact_thanks.html"
