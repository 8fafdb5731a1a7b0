"""The demo privacy page said the site sets no cookie; the contact form sets its CSRF cookie, and
the page now lists every cookie below its text. Where that demo sentence is still unchanged, it
is replaced by the true one (a text an editor rewrote is left as it is)."""

from django.db import migrations

REPLACEMENTS = {
    "body_fr": (
        "<h2>Aucun traceur</h2><p>Ce site ne dépose aucun cookie chez ses visiteurs, ni de "
        "mesure d'audience ni de publicité, et ne charge aucun script tiers : il n'a donc pas "
        "besoin de bandeau cookies. Seules les personnes qui administrent le site ont un cookie "
        "de session.</p>",
        "<h2>Aucun traceur</h2><p>Ce site ne dépose aucun cookie de mesure d'audience ni de "
        "publicité et ne charge aucun script tiers. Les seuls cookies qu'il dépose sont "
        "nécessaires à son fonctionnement ; ils sont tous listés plus bas.</p>",
    ),
    "body_en": (
        "<h2>No trackers</h2><p>This site sets no cookie for its visitors, neither for audience "
        "measurement nor for advertising, and loads no third-party script, so it needs no "
        "cookie banner. Only the people who run the site have a session cookie.</p>",
        "<h2>No trackers</h2><p>This site sets no cookie for audience measurement or "
        "advertising and loads no third-party script. The only cookies it sets are needed for it "
        "to work; they are all listed below.</p>",
    ),
}


REPLACEMENTS["body"] = REPLACEMENTS["body_fr"]  # the untranslated column holds the French


def forward(apps, schema_editor):
    Page = apps.get_model("pages", "Page")
    for page in Page.objects.filter(kind="privacy"):
        changed = []
        for field, (old, new) in REPLACEMENTS.items():
            body = getattr(page, field) or ""
            if old in body:
                setattr(page, field, body.replace(old, new))
                changed.append(field)
        if changed:
            page.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("pages", "0004_alter_page_options_historicalpage_tree_key_and_more")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
