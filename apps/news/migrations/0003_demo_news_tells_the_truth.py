"""Sample articles and events loaded by an older `load_demo`, rewritten where an editor has not
changed them (only `is_sample` rows whose text is still the older demo's):

- article bodies lose "This article is an example made to demonstrate the site" and no longer
  repeat the lead; the opening article's body no longer repeats its lead either;
- the featured article of the news list is a recent one, not the 2018 opening;
- event summaries lose "A sample event made to demonstrate the site", and "Detailed programme
  to come" gives way to a short description.

The words are frozen in _texts_0003.py beside it.
"""

from django.db import migrations

from apps.news.migrations._texts_0003 import ARTICLE_BODIES, EVENT_TEXTS, FEATURED, OPENING_EN, OPENING_FR

OLD_BODY_MARK = "Cet article est un exemple créé pour la démonstration du site"
OLD_OPENING_START = (
    "<p>Le Centre d'immunothérapie des cancers de l'Institut Curie réunit sur un même étage de "
    "l'hôpital des laboratoires de recherche, des salles de consultation et des lits "
    "d'hospitalisation.</p>"
)
OLD_EVENT_MARK = "Événement d'exemple créé pour la démonstration du site."
OLD_EVENT_DESCRIPTION = "<p>Programme détaillé à venir.</p>"


def _set(row, field, fr, en):
    setattr(row, field, fr)  # the untranslated column follows the default language, French
    setattr(row, f"{field}_fr", fr)
    setattr(row, f"{field}_en", en)


def forward(apps, schema_editor):
    NewsArticle = apps.get_model("news", "NewsArticle")
    Event = apps.get_model("news", "Event")

    rewritten = set()
    for article in NewsArticle.objects.filter(is_sample=True):
        body = article.body_fr or ""
        if article.slug in ARTICLE_BODIES and OLD_BODY_MARK in body:
            _set(article, "body", *ARTICLE_BODIES[article.slug])
        elif article.slug == "ouverture-du-centre" and body.startswith(OLD_OPENING_START):
            _set(article, "body", OPENING_FR, OPENING_EN)
        else:
            continue
        rewritten.add(article.slug)
        article.save()

    # The news list features the latest article marked: the demo marks a recent one, and the
    # 2018 opening no longer, where the older demo's choice was left as it was.
    opening = NewsArticle.objects.filter(
        is_sample=True, slug="ouverture-du-centre", featured=True
    ).first()
    featured = NewsArticle.objects.filter(is_sample=True, slug=FEATURED, featured=False).first()
    if opening is not None and featured is not None and FEATURED in rewritten:
        NewsArticle.objects.filter(pk=opening.pk).update(featured=False)
        NewsArticle.objects.filter(pk=featured.pk).update(featured=True)

    for event in Event.objects.filter(is_sample=True, slug__in=EVENT_TEXTS):
        if not (event.summary_fr or "").endswith(OLD_EVENT_MARK):
            continue
        summary_fr, summary_en, description_fr, description_en = EVENT_TEXTS[event.slug]
        _set(event, "summary", summary_fr, summary_en)
        if (event.description_fr or "") == OLD_EVENT_DESCRIPTION:
            _set(event, "description", description_fr, description_en)
        event.save()


class Migration(migrations.Migration):
    dependencies = [("news", "0002_alter_event_slug_alter_historicalevent_slug")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
