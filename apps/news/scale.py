"""Categories, news articles and events at institute scale (apps.core.scale)."""

from __future__ import annotations

import datetime

from apps.core.scale import PUBLISHED, Run
from apps.news.models import PARIS, Category, Event, NewsArticle


def make(run: Run) -> None:
    rng, text, scale = run.rng, run.text, run.scale
    categories = list(Category.objects.all()[:10])
    if not categories:
        slug = run.slug(Category, "category")
        categories = run.bulk(
            Category,
            [
                Category(
                    slug_fr=f"{slug}{i}",
                    slug_en=f"{slug}{i}",
                    name_fr=fr,
                    name_en=en,
                    status=PUBLISHED,
                    order=i,
                )
                for i, (fr, en) in enumerate(
                    [("Recherche", "Research"), ("Soins", "Care"), ("Vie du centre", "Life")]
                )
            ],
        )
    teams = run.made.get("teams", [])
    people = run.made.get("people", [])

    # Articles over ten years; a few scheduled for later, a few featured.
    slug = run.slug(NewsArticle, "article")
    articles = []
    for i in range(scale.articles):
        title_fr, title_en = text.title()
        lead_fr, lead_en = text.paragraph(1)
        body_fr, body_en = text.paragraph(rng.randint(3, 8))
        scheduled = rng.random() < 0.01
        articles.append(
            NewsArticle(
                slug_fr=f"{slug}{i}",
                slug_en=f"{slug}{i}",
                title_fr=title_fr[:200],
                title_en=title_en[:200],
                lead_fr=lead_fr[:600],
                lead_en=lead_en[:600],
                body_fr=f"<p>{body_fr}</p>",
                body_en=f"<p>{body_en}</p>",
                category=rng.choice(categories),
                image_id=run.image(0.6),
                featured=rng.random() < 0.002,
                date=run.today - datetime.timedelta(days=rng.randint(0, 3650)),
                publish_at=run.now + datetime.timedelta(days=3) if scheduled else None,
                status=run.status(),
                is_sample=True,
            )
        )
    articles = run.bulk(NewsArticle, articles)
    if teams:
        run.bulk(
            NewsArticle.teams.through,
            [
                NewsArticle.teams.through(newsarticle_id=a.pk, team_id=rng.choice(teams).pk)
                for a in articles
                if rng.random() < 0.3
            ],
            "article teams",
        )
    if people:
        run.bulk(
            NewsArticle.people.through,
            [
                NewsArticle.people.through(newsarticle_id=a.pk, person_id=rng.choice(people).pk)
                for a in articles
                if rng.random() < 0.2
            ],
            "article people",
        )

    # Events over two years before and one after today.
    slug = run.slug(Event, "event")
    events = []
    for i in range(scale.events):
        title_fr, title_en = text.title()
        summary_fr, summary_en = text.paragraph(1)
        day = run.today + datetime.timedelta(days=rng.randint(-700, 300))
        begin = datetime.datetime.combine(day, datetime.time(rng.randint(9, 17)), tzinfo=PARIS)
        events.append(
            Event(
                slug_fr=f"{slug}{i}",
                slug_en=f"{slug}{i}",
                kind=rng.choice(("seminar", "conference", "patient_day", "public")),
                start=begin,
                end=begin + datetime.timedelta(hours=2),
                title_fr=title_fr[:200],
                title_en=title_en[:200],
                place_fr="Amphithéâtre Marie Curie",
                place_en="Marie Curie lecture hall",
                summary_fr=summary_fr[:600],
                summary_en=summary_en[:600],
                description_fr=f"<p>{summary_fr}</p>",
                description_en=f"<p>{summary_en}</p>",
                image_id=run.image(0.4),
                status=run.status(),
                is_sample=True,
            )
        )
    run.bulk(Event, events)
