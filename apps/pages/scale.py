"""Editorial pages at institute scale (apps.core.scale): sections at the top of the site, each
with its sub-pages, placed in the page tree as the admin would place them."""

from __future__ import annotations

from apps.core.scale import Run
from apps.pages.models import Page

CHILDREN = 19  # sub-pages per section: 1,000 pages are 50 sections of 20


def _page(run: Run, slug: str, path: str, depth: int, order: int, **fields) -> Page:
    title_fr, title_en = run.text.title()
    intro_fr, intro_en = run.text.paragraph(1)
    body_fr, body_en = run.text.paragraph(6)
    return Page(
        slug_fr=slug,
        slug_en=slug,
        path_fr=path,
        path_en=path,
        depth=depth,
        order=order,
        title_fr=title_fr[:200],
        title_en=title_en[:200],
        intro_fr=intro_fr[:800],
        intro_en=intro_en[:800],
        body_fr=f"<p>{body_fr}</p>",
        body_en=f"<p>{body_en}</p>",
        image_id=run.image(0.3),
        status=run.status(),
        is_sample=True,
        **fields,
    )


def make(run: Run) -> None:
    total = run.scale.pages
    if not total:
        return
    prefix = run.slug(Page, "page")
    sections = max(1, -(-total // (CHILDREN + 1)))
    parents = run.bulk(
        Page,
        [_page(run, f"{prefix}{s}", f"{prefix}{s}", 0, 900 + s % 50) for s in range(sections)],
        "pages (sections)",
    )
    for parent in parents:
        parent.tree_key = f"{parent.order:05d}{parent.pk:09d}"
    Page.objects.bulk_update(parents, ["tree_key"], batch_size=1000)
    children = []
    left = total - sections
    for index, parent in enumerate(parents):
        count = min(CHILDREN, left - CHILDREN * index) if left > 0 else 0
        for c in range(max(0, count)):
            slug = f"{prefix}{index}-{c}"
            children.append(
                _page(run, slug, f"{parent.path_fr}/{slug}", 1, 100 + c, parent_id=parent.pk)
            )
    children = run.bulk(Page, children, "pages")
    keys = {parent.pk: parent.tree_key for parent in parents}
    for child in children:
        child.tree_key = f"{keys[child.parent_id]}{child.order:05d}{child.pk:09d}"
    Page.objects.bulk_update(children, ["tree_key"], batch_size=1000)
