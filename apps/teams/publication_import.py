"""Import of parsed PubMed records (apps.teams.pubmed) as publications of a team.

Each record is matched to an existing publication by PMID, then by DOI. A match gets the
changed bibliographic fields (title, authors, journal, year), and its missing DOI, PMID or
link; nothing is ever cleared, and a link typed by an editor is kept. Every publication
imported is linked to the team. The report sorts the records into four lists:

- added: a new publication;
- updated: an existing one whose fields changed, or which was newly linked to the team;
- unchanged: already up to date and already linked to the team;
- skipped: not imported (no title, year, authors or identifier, repeated in the file, or in
  conflict with another publication).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.teams.models import Publication, Team, TeamPublication
from apps.teams.permissions import can_change_publication, can_edit_all_teams
from apps.teams.pubmed import PubmedRecord


@dataclass
class ImportItem:
    title: str
    reason: str = ""
    pmid: str | None = None
    doi: str | None = None
    year: int | None = None
    publication: Publication | None = None
    changed_fields: list[str] = field(default_factory=list)  # model field names
    linked: bool = False  # newly linked to the team


@dataclass
class ImportReport:
    added: list[ImportItem] = field(default_factory=list)
    updated: list[ImportItem] = field(default_factory=list)
    unchanged: list[ImportItem] = field(default_factory=list)
    skipped: list[ImportItem] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": len(self.skipped),
        }

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def import_publications(*, records, team: Team, user=None) -> ImportReport:
    """Creates or updates the publications of `records` and links them to `team`, atomically.

    With a `user`, refuses (PermissionDenied) a team they may not edit.
    """
    if user is not None and not (
        can_edit_all_teams(user) or team.editors.filter(pk=user.pk).exists()
    ):
        raise PermissionDenied
    report = ImportReport()
    seen_pmids: set[str] = set()
    seen_dois: set[str] = set()
    with transaction.atomic():
        for record in records:
            item = ImportItem(
                title=record.title or _("(no title)"),
                pmid=record.pmid,
                doi=record.doi,
                year=record.year,
            )
            reason = _problem(record)
            if reason is None and (
                (record.pmid and record.pmid in seen_pmids)
                or (record.doi and record.doi in seen_dois)
            ):
                reason = _("repeated in the file")
            if reason is not None:
                item.reason = reason
                report.skipped.append(item)
                continue
            seen_pmids.add(record.pmid)
            seen_dois.add(record.doi)
            _import_one(record=record, team=team, item=item, report=report, user=user)
    return report


def _problem(record: PubmedRecord) -> str | None:
    reason = record.skip_reason
    if reason is None and not (record.pmid or record.doi):
        reason = _("no PMID and no DOI")
    if reason is None and not record.authors:
        reason = _("no authors")
    if reason is None and not 1900 <= record.year <= 2100:
        reason = _("year %(year)s out of range") % {"year": record.year}
    return reason


def _find(record: PubmedRecord) -> Publication | None:
    if record.pmid:
        publication = Publication.objects.filter(pmid=record.pmid).first()
        if publication is not None:
            return publication
    if record.doi:
        return Publication.objects.filter(doi__iexact=record.doi).first()
    return None


def _field_values(record: PubmedRecord) -> dict:
    return {
        "title": record.title[: Publication._meta.get_field("title").max_length],
        "authors": record.authors,
        "journal": record.journal[: Publication._meta.get_field("journal").max_length],
        "year": record.year,
    }


def _may_update(publication: Publication, user) -> bool:
    """A team editor updates only the publications they may change in the admin (every team and
    author listing it is theirs: see can_change_publication); the others are only linked to the
    team, and that link gives no right to change them (another team still lists them)."""
    return user is None or can_change_publication(user, publication)


def _import_one(
    *, record: PubmedRecord, team: Team, item: ImportItem, report: ImportReport, user=None
):
    publication = _find(record)
    created = publication is None
    if created:
        publication = Publication(
            **_field_values(record), doi=record.doi, pmid=record.pmid, url=record.url
        )
        changed = []
    else:
        item.publication = publication
        conflict = _conflict(publication, record)
        if conflict:
            item.reason = conflict
            report.skipped.append(item)
            return
        changed = _apply(publication, record) if _may_update(publication, user) else []
    try:
        publication.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        item.reason = "; ".join(error.messages)
        report.skipped.append(item)
        return
    if created or changed:
        publication.save()
    item.publication = publication
    _link, item.linked = TeamPublication.objects.get_or_create(team=team, publication=publication)
    if created:
        report.added.append(item)
        return
    reasons = []
    if changed:
        item.changed_fields = changed
        names = ", ".join(str(Publication._meta.get_field(name).verbose_name) for name in changed)
        reasons.append(_("changed: %(fields)s") % {"fields": names})
    if item.linked:
        reasons.append(_("linked to the team"))
    if reasons:
        item.reason = "; ".join(reasons)
        report.updated.append(item)
    else:
        item.reason = _("already up to date")
        report.unchanged.append(item)


def _conflict(publication: Publication, record: PubmedRecord) -> str | None:
    """Why the identifiers of `record` cannot go on `publication`, or None."""
    if record.pmid and publication.pmid and publication.pmid != record.pmid:
        return _("the DOI %(doi)s belongs to the publication with PMID %(pmid)s") % {
            "doi": record.doi,
            "pmid": publication.pmid,
        }
    if (
        record.doi
        and (publication.doi or "").lower() != record.doi
        and Publication.objects.filter(doi__iexact=record.doi).exclude(pk=publication.pk).exists()
    ):
        return _("the DOI %(doi)s already belongs to another publication") % {"doi": record.doi}
    return None


def _apply(publication: Publication, record: PubmedRecord) -> list[str]:
    """Copies what changed from `record` onto `publication`; returns the names of the fields."""
    changed = []
    for name, value in _field_values(record).items():
        if value not in ("", None) and getattr(publication, name) != value:
            setattr(publication, name, value)
            changed.append(name)
    if record.pmid and not publication.pmid:
        publication.pmid = record.pmid
        changed.append("pmid")
    if record.doi and (publication.doi or "").lower() != record.doi:
        publication.doi = record.doi
        changed.append("doi")
    if record.url and not publication.url:
        publication.url = record.url
        changed.append("url")
    return changed
