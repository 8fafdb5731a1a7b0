"""Cancer types and clinical trials at institute scale (apps.core.scale)."""

from __future__ import annotations

from apps.care.models import CancerType, ClinicalTrial
from apps.core.scale import CANCERS, DRUGS, PUBLISHED, Run


def make(run: Run) -> None:
    rng, text = run.rng, run.text
    types = list(CancerType.objects.all())
    if not types:
        slug = run.slug(CancerType, "cancer")
        types = run.bulk(
            CancerType,
            [
                CancerType(
                    slug=f"{slug}{i}",
                    name_fr=fr[:1].upper() + fr[1:],
                    name_en=en[:1].upper() + en[1:],
                    status=PUBLISHED,
                )
                for i, (fr, en) in enumerate(CANCERS)
            ],
        )
    people = run.made.get("people", [])
    teams = run.made.get("teams", [])
    slug = run.slug(ClinicalTrial, "trial")
    trials = []
    numbered = ClinicalTrial.objects.count()  # NCT numbers are unique: a second run goes on
    for i in range(run.scale.trials):
        title_fr, title_en = text.title()
        summary_fr, summary_en = text.paragraph(3)
        drug = rng.choice(DRUGS)
        trials.append(
            ClinicalTrial(
                slug=f"{slug}{i}",
                title_fr=title_fr[:300],
                title_en=title_en[:300],
                acronym=f"{drug[:4].upper()}-{i}",
                nct_number=f"NCT9{numbered + i:07d}",
                phase=rng.choice(("early1", "1", "1-2", "2", "2", "3")),
                recruitment=rng.choice(("recruiting", "recruiting", "not_yet", "active", "closed")),
                treatment=rng.choice(("checkpoint", "cell", "vaccine", "combination", "other")),
                summary_fr=summary_fr[:1500],
                summary_en=summary_en[:1500],
                eligibility_fr="Adultes\nMaladie mesurable",
                eligibility_en="Adults\nMeasurable disease",
                investigator_id=rng.choice(people).pk if people else None,
                status=run.status(),
                is_sample=True,
            )
        )
    trials = run.bulk(ClinicalTrial, trials)
    run.bulk(
        ClinicalTrial.cancer_types.through,
        [
            ClinicalTrial.cancer_types.through(clinicaltrial_id=t.pk, cancertype_id=c.pk)
            for t in trials
            for c in rng.sample(types, min(len(types), rng.randint(1, 2)))
        ],
        "trial cancer types",
    )
    if teams:
        run.bulk(
            ClinicalTrial.teams.through,
            [
                ClinicalTrial.teams.through(clinicaltrial_id=t.pk, team_id=rng.choice(teams).pk)
                for t in trials
            ],
            "trial teams",
        )
