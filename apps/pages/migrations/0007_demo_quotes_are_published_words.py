"""The demo home page quoted the two directors with sentences they never said. Where those demo
words are still unchanged, they are replaced by the directors' published words (from the
center's page on the Institut Curie site; English original, French translation), marked with
their language and source. Words an editor changed are left alone."""

from django.db import migrations

INVENTED = {
    "Sebastian Amigorena": "Réunir chercheurs et médecins, comme Marie Curie l'a voulu en 1909",
    "Dr Emanuela Romano": "Des laboratoires, des consultations et des lits d'hospitalisation",
}


# As apps.pages.demo had them when this migration was written (frozen here on purpose).
QUOTE_SOURCE = (
    "Page du Centre d'immunothérapie des cancers, site de l'Institut Curie",
    "Center for Cancer Immunotherapy page, Institut Curie website",
)
QUOTES = [
    (
        "Sebastian Amigorena",
        "Directeur du Centre d'immunothérapie des cancers",
        "Director of the Center for Cancer Immunotherapy",
        "L'immunothérapie est incontestablement une arme nouvelle et précieuse dans la lutte "
        "contre le cancer. Il est donc essentiel d'améliorer les connaissances dans ce domaine "
        "pour développer de nouveaux médicaments, apprendre à mieux les utiliser et les associer "
        "à d'autres traitements, au bénéfice des patients.",
        "Immunotherapy is indisputably a new and valuable weapon in the fight against cancer. It "
        "is therefore vital to improve knowledge in this field in order to develop new "
        "medications, learn how to use them better, and combine them with other treatments for "
        "the benefit of patients.",
    ),
    (
        "Dr Emanuela Romano",
        "Directrice médicale du Centre d'immunothérapie des cancers",
        "Medical Director of the Center for Cancer Immunotherapy",
        "En réunissant en un même lieu les forces et les acteurs de l'immunothérapie, nous "
        "disposerons d'un énorme potentiel de recherche pour répondre à des questions "
        "fondamentales, cliniques et précliniques.",
        "By focusing the strengths and the players involved in immunotherapy in one place, we "
        "will achieve an enormous investigative potential to address basic clinical and "
        "pre-clinical issues.",
    ),
]


def forward(apps, schema_editor):
    HomeQuote = apps.get_model("pages", "HomeQuote")
    published = {name: rest for name, *rest in QUOTES}
    for quote in HomeQuote.objects.filter(name__in=INVENTED):
        if not (quote.text_fr or "").startswith(INVENTED[quote.name]):
            continue
        role_fr, role_en, text_fr, text_en = published[quote.name]
        quote.role = quote.role_fr = role_fr
        quote.role_en = role_en
        quote.text = quote.text_fr = text_fr
        quote.text_en = text_en
        quote.language = "en"
        quote.source = quote.source_fr = QUOTE_SOURCE[0]
        quote.source_en = QUOTE_SOURCE[1]
        quote.save()


class Migration(migrations.Migration):
    dependencies = [("pages", "0006_home_quote_language_and_source")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
