"""Translated fields (django-modeltranslation): one column per language."""

from modeltranslation.translator import TranslationOptions, register

from apps.core.models import Image, SiteSettings


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = (
        "site_name",
        "tagline",
        "meta_description",
        "country",
        "location_note",
        "phone_main_label",
        "phone_appointments_label",
        "opening_hours",
        "emergency_note",
        "donation_url",
        "access_transport",
        "access_accessibility",
    )


@register(Image)
class ImageTranslation(TranslationOptions):
    # The alternative text is required in both languages unless the image is decorative:
    # Image.clean() checks it, since that depends on another field.
    fields = ("alt_text", "caption")
