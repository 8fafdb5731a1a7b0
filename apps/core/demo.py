"""Demo site settings: the center's address and switchboard at Institut Curie, Paris."""

from apps.core.models import SiteSettings

OPENING_HOURS = (
    "Standard : 24 h/24, 7 j/7\nSecrétariat des consultations : du lundi au vendredi, 9 h – 17 h",
    "Switchboard: 24 hours a day, 7 days a week\n"
    "Consultations office: Monday to Friday, 9 am – 5 pm",
)


def load() -> list[str]:
    if SiteSettings.objects.exists():
        return []
    SiteSettings(
        site_name_fr="Centre d'immunothérapie des cancers",
        site_name_en="Center for Cancer Immunotherapy",
        tagline_fr="Recherche, soins et essais cliniques réunis à l'Institut Curie",
        tagline_en="Research, care and clinical trials together at Institut Curie",
        meta_description_fr=(
            "Le Centre d'immunothérapie des cancers de l'Institut Curie réunit laboratoires de "
            "recherche, consultations et lits d'hospitalisation pour offrir plus vite aux "
            "patients les nouveaux traitements."
        ),
        meta_description_en=(
            "The Center for Cancer Immunotherapy at Institut Curie brings research laboratories, "
            "consultation rooms and hospital beds together to bring new treatments to patients "
            "faster."
        ),
        institution="Institut Curie",
        street_address="26 rue d'Ulm",
        postal_code="75005",
        city="Paris",
        country_fr="France",
        country_en="France",
        location_note_fr="Hôpital de l'Institut Curie, Paris",
        location_note_en="Institut Curie hospital, Paris",
        phone_main="01 44 32 40 00",
        phone_main_label_fr="Standard de l'Institut Curie",
        phone_main_label_en="Institut Curie switchboard",
        email="",
        # Shown only when no contact point has opening hours: the footer then says the main
        # line's and the consultations office's hours from their slots (apps.care), and these
        # lines agree with the demo's contact points.
        opening_hours_fr=OPENING_HOURS[0],
        opening_hours_en=OPENING_HOURS[1],
        emergency_note_fr="En cas d'urgence vitale, appelez le 15 (SAMU) ou le 112.",
        emergency_note_en="In a life-threatening emergency, call 15 (SAMU) or 112.",
    ).save()
    return ["site settings"]
