"""Import of publications from PubMed exports: parsers, the import service and the admin view."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from apps.teams import publication_import
from apps.teams.models import Publication, TeamPublication
from apps.teams.publication_import import import_publications
from apps.teams.pubmed import PubmedFormatError, parse_pubmed
from tests.factories import SiteSettingsFactory, StaffFactory, UserFactory
from tests.teams.factories import PublicationFactory, TeamFactory

DATA = Path(__file__).resolve().parent / "data"
XML_FILE = DATA / "pubmed2.xml"
MEDLINE_FILE = DATA / "pubmed_result2.txt"
URL = "/admin/teams/publication/import-pubmed/"

CRYO_TITLE = (
    "Is cryopreservation a homogeneous process? Ultrastructure and motility of untreated, "
    "prefreezing, and postthawed spermatozoa of Diplodus puntazzo (Cetti)."
)
CRYO_AUTHORS = "Taddei AR, Barbato F, Abelli L, Canese S, Moretti F, Rana KJ, Fausto AM, Mazzini M"
MRI_TITLE = "Proton MRI of (13)C distribution by J and chemical shift editing."


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def xml_bytes():
    return XML_FILE.read_bytes()


@pytest.fixture
def medline_bytes():
    return MEDLINE_FILE.read_bytes()


def pubmed_xml(*articles: str, doctype: bool = True) -> bytes:
    """A PubmedArticleSet around the given <PubmedArticle> elements, like a real export."""
    head = '<?xml version="1.0" ?>\n'
    if doctype:
        head += (
            '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
            '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
        )
    return (head + "<PubmedArticleSet>" + "".join(articles) + "</PubmedArticleSet>").encode()


def article(
    *,
    pmid="39000001",
    title="T cells against tumours.",
    authors=(("Dupont", "Marie", "M"),),
    pub_date="<Year>2024</Year><Month>Jan</Month>",
    doi="10.1000/Tcells.2024",
    extra_article="",
    extra_data="",
) -> str:
    author_xml = "".join(
        f"<Author ValidYN='Y'><LastName>{last}</LastName><ForeName>{fore}</ForeName>"
        f"<Initials>{initials}</Initials></Author>"
        for last, fore, initials in authors
    )
    ids = f'<ArticleId IdType="pubmed">{pmid}</ArticleId>'
    if doi:
        ids += f'<ArticleId IdType="doi">{doi}</ArticleId>'
    return (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">{pmid}'
        "</PMID><Article><Journal><JournalIssue><PubDate>"
        f"{pub_date}</PubDate></JournalIssue><Title>Journal of immunity</Title>"
        f"<ISOAbbreviation>J Immun</ISOAbbreviation></Journal><ArticleTitle>{title}</ArticleTitle>"
        f"{extra_article}<AuthorList>{author_xml}</AuthorList></Article>"
        "<MedlineJournalInfo><MedlineTA>J Immun</MedlineTA></MedlineJournalInfo></MedlineCitation>"
        f"<PubmedData>{extra_data}<ArticleIdList>{ids}</ArticleIdList></PubmedData></PubmedArticle>"
    )


# Parsers: the real exports ------------------------------------------------------------------


def test_real_xml_export_is_read(xml_bytes):
    records = parse_pubmed(xml_bytes)
    assert len(records) == 2
    cryo, mri = records
    assert cryo.title == CRYO_TITLE
    assert cryo.authors == CRYO_AUTHORS
    assert cryo.journal == "Cryobiology"
    assert cryo.year == 2001
    assert cryo.pmid == "11748933"
    assert cryo.doi == "10.1006/cryo.2001.2328"
    assert cryo.url == "https://doi.org/10.1006/cryo.2001.2328"
    assert cryo.skip_reason is None
    assert mri.title == MRI_TITLE
    assert mri.authors == "Casieri C, Testa C, Carpinelli G, Canese R, Podo F, De Luca F"
    assert mri.journal == "J Magn Reson"
    assert (mri.year, mri.pmid, mri.doi) == (2001, "11700088", "10.1006/jmre.2001.2429")


def test_real_medline_export_is_read(medline_bytes):
    records = parse_pubmed(medline_bytes)
    assert [r.pmid for r in records] == ["16403221", "16377612", "14871861", "14630660"]
    scop, diagram, cluster, pdb = records
    assert scop.title == "A high level interface to SCOP and ASTRAL implemented in python."
    assert scop.authors == "Casbon JA, Crooks GE, Saqi MA"
    assert scop.journal == "BMC Bioinformatics"
    assert (scop.year, scop.doi) == (2006, "10.1186/1471-2105-7-10")
    # The title is folded over two lines in the file.
    assert diagram.title == (
        "GenomeDiagram: a python package for the visualization of large-scale genomic data."
    )
    assert diagram.authors == "Pritchard L, White JA, Birch PR, Toth IK"
    assert (diagram.year, diagram.doi) == (2006, "10.1093/bioinformatics/btk021")
    assert cluster.title == "Open source clustering software."
    assert cluster.authors == "de Hoon MJ, Imoto S, Nolan J, Miyano S"
    assert (cluster.year, cluster.doi) == (2004, "10.1093/bioinformatics/bth078")
    # The last record has no DOI: its link is the PubMed page.
    assert pdb.title == "PDB file parser and structure class implemented in Python."
    assert (pdb.year, pdb.doi, pdb.journal) == (2003, None, "Bioinformatics")
    assert pdb.url == "https://pubmed.ncbi.nlm.nih.gov/14630660/"


def test_format_comes_from_the_content_with_windows_line_ends_and_bom(medline_bytes):
    crlf = b"\xef\xbb\xbf" + medline_bytes.replace(b"\n", b"\r\n")
    assert [r.pmid for r in parse_pubmed(crlf)] == [r.pmid for r in parse_pubmed(medline_bytes)]


# Parsers: cases written here ---------------------------------------------------------------


def test_xml_non_ascii_names_entities_and_inline_markup():
    data = pubmed_xml(
        article(
            title="R&#xf4;le of <i>CD8</i><sup>+</sup> cells in caf&eacute; &amp; m&eacute;lanome.",
            authors=[
                ("Müller", "Jürgen", "J"),
                ("Ødegård", "Åsa", "Å"),
                ("Łukasiewicz", "Zoë", ""),  # no initials: taken from the fore name
                ("Nguyễn", "Thị Minh", "TM"),
            ],
        )
    )
    [record] = parse_pubmed(data)
    assert record.title == "Rôle of CD8+ cells in café & mélanome."
    assert record.authors == "Müller J, Ødegård Å, Łukasiewicz Z, Nguyễn TM"
    assert record.doi == "10.1000/tcells.2024"  # lower-case


def test_xml_collective_author_and_invalid_author():
    author_list = (
        "<AuthorList><Author ValidYN='Y'><LastName>Doe</LastName><Initials>J</Initials>"
        "<Suffix>Jr</Suffix></Author><Author ValidYN='N'><LastName>Wrong</LastName>"
        "<Initials>W</Initials></Author><Author ValidYN='Y'><CollectiveName>Curie Immunotherapy "
        "Group</CollectiveName></Author></AuthorList>"
    )
    data = article(authors=()).replace("<AuthorList></AuthorList>", author_list)
    [record] = parse_pubmed(pubmed_xml(data))
    assert record.authors == "Doe J Jr, Curie Immunotherapy Group"


@pytest.mark.parametrize(
    ("pub_date", "extra", "year"),
    [
        ("<MedlineDate>1998 Dec-1999 Jan</MedlineDate>", "", 1998),
        ("", "<ArticleDate DateType='Electronic'><Year>2023</Year></ArticleDate>", 2023),
        ("<Year>2021</Year><Season>Spring</Season>", "", 2021),
    ],
)
def test_xml_year_from_medline_date_or_article_date(pub_date, extra, year):
    [record] = parse_pubmed(pubmed_xml(article(pub_date=pub_date, extra_article=extra)))
    assert record.year == year


def test_xml_doi_from_elocation_not_from_the_references():
    references = (
        "<ReferenceList><Reference><Citation>Other work.</Citation><ArticleIdList>"
        '<ArticleId IdType="doi">10.9999/not.this.one</ArticleId></ArticleIdList></Reference>'
        "</ReferenceList>"
    )
    location = '<ELocationID EIdType="doi" ValidYN="Y">10.1000/FROM.ELOCATION</ELocationID>'
    data = pubmed_xml(article(doi=None, extra_article=location, extra_data=references))
    [record] = parse_pubmed(data)
    assert record.doi == "10.1000/from.elocation"


def test_xml_record_without_doi():
    [record] = parse_pubmed(pubmed_xml(article(doi=None)))
    assert record.doi is None
    assert record.pmid == "39000001"
    assert record.url == "https://pubmed.ncbi.nlm.nih.gov/39000001/"


def test_xml_records_without_title_or_year_carry_a_reason():
    data = pubmed_xml(
        article(pmid="1", title=""),
        article(pmid="2", pub_date="<Season>Spring</Season>"),
    )
    no_title, no_year = parse_pubmed(data)
    assert no_title.skip_reason == "no title"
    assert no_year.year is None
    assert no_year.skip_reason == "no year"


def test_xml_without_doctype_is_read_too():
    assert len(parse_pubmed(pubmed_xml(article(), doctype=False))) == 1


MEDLINE_SAMPLE = """\
PMID- 39000002
DP  - 2023 Dec 5
TI  - Les lymphocytes T et le m&eacute;lanome : une &#233;tude de cohorte
      multicentrique.
LID - 10.1000/LID.2023 [doi]
LID - e123 [pii]
FAU - Ødegård, Åsa
FAU - Müller, Jean-Pierre
CN  - Groupe Curie
TA  - Cancer Immunol Res
JT  - Cancer immunology research

"""


def test_medline_fau_lid_entities_folding_and_non_ascii():
    [record] = parse_pubmed(MEDLINE_SAMPLE.encode())
    assert record.title == (
        "Les lymphocytes T et le mélanome : une étude de cohorte multicentrique."
    )
    assert record.authors == "Ødegård Å, Müller JP, Groupe Curie"
    assert record.doi == "10.1000/lid.2023"
    assert (record.year, record.pmid, record.journal) == (2023, "39000002", "Cancer Immunol Res")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n\t ", "empty"),
        (b"<PubmedArticleSet><PubmedArticle>", "malformed"),
        (b"<?xml version='1.0'?><html><body>Not found</body></html>", "not a PubMed export"),
        (b"<PubmedArticleSet></PubmedArticleSet>", "no PubMed article"),
        (b"Title,Authors,Year\nT cells,Doe J,2024\n", "neither"),
        (b"%PDF-1.7 binary", "neither"),
        ("Rôle des lymphocytes".encode("latin-1"), "not UTF-8"),
        (b"PMID- 1\nTI  - A title\nthis line is not MEDLINE\n", "Line 3"),
        (b"TI  - A title without PMID\n", "no PubMed record"),
    ],
)
def test_unreadable_files_raise_a_clear_error(data, message):
    with pytest.raises(PubmedFormatError, match=message) as info:
        parse_pubmed(data)
    assert isinstance(info.value, ValueError)


def test_entity_declarations_are_refused():
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [\n <!ENTITY a "aaaaaaaaaa">\n'
        b' <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n'
        b' <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n'
        b"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
        b"<ArticleTitle>&c;</ArticleTitle></Article></MedlineCitation></PubmedArticle>"
        b"</PubmedArticleSet>"
    )
    with pytest.raises(PubmedFormatError, match="entities"):
        parse_pubmed(bomb)
    external = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<PubmedArticleSet/>"
    )
    with pytest.raises(PubmedFormatError, match="entities"):
        parse_pubmed(external)


# The import service -------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_real_xml_creates_and_links(xml_bytes):
    team = TeamFactory()
    report = import_publications(records=parse_pubmed(xml_bytes), team=team)
    assert report.counts == {"added": 2, "updated": 0, "unchanged": 0, "skipped": 0}
    cryo = Publication.objects.get(pmid="11748933")
    assert cryo.title == CRYO_TITLE
    assert cryo.authors == CRYO_AUTHORS
    assert (cryo.journal, cryo.year, cryo.doi) == ("Cryobiology", 2001, "10.1006/cryo.2001.2328")
    assert cryo.url == "https://doi.org/10.1006/cryo.2001.2328"
    assert set(team.publications.values_list("pmid", flat=True)) == {"11748933", "11700088"}
    assert [item.title for item in report.added] == [CRYO_TITLE, MRI_TITLE]


@pytest.mark.django_db
def test_second_import_of_the_same_file_adds_nothing(medline_bytes):
    team = TeamFactory()
    first = import_publications(records=parse_pubmed(medline_bytes), team=team)
    assert first.counts["added"] == 4
    second = import_publications(records=parse_pubmed(medline_bytes), team=team)
    assert second.counts == {"added": 0, "updated": 0, "unchanged": 4, "skipped": 0}
    assert {item.reason for item in second.unchanged} == {"already up to date"}
    assert Publication.objects.count() == 4
    assert TeamPublication.objects.filter(team=team).count() == 4
    # The record without DOI was recognised by its PMID.
    assert Publication.objects.get(pmid="14630660").doi is None


@pytest.mark.django_db
def test_import_into_a_second_team_links_without_duplicating(xml_bytes):
    first, second = TeamFactory(), TeamFactory()
    import_publications(records=parse_pubmed(xml_bytes), team=first)
    report = import_publications(records=parse_pubmed(xml_bytes), team=second)
    assert report.counts == {"added": 0, "updated": 2, "unchanged": 0, "skipped": 0}
    assert {item.reason for item in report.updated} == {"linked to the team"}
    assert Publication.objects.count() == 2
    for publication in Publication.objects.all():
        assert set(publication.teams.all()) == {first, second}


@pytest.mark.django_db
def test_match_by_doi_alone_is_case_insensitive_and_fills_the_pmid(xml_bytes):
    team = TeamFactory()
    existing = PublicationFactory(title="Cryopreservation", pmid=None, year=2001)
    # Stored upper-case by an older import (save() would lower it).
    Publication.objects.filter(pk=existing.pk).update(doi="10.1006/CRYO.2001.2328")
    report = import_publications(records=parse_pubmed(xml_bytes), team=team)
    assert report.counts["added"] == 1
    [item] = report.updated
    assert item.publication.pk == existing.pk
    assert "PMID" in item.reason and "title" in item.reason
    existing.refresh_from_db()
    assert (existing.pmid, existing.title) == ("11748933", CRYO_TITLE)
    assert existing.doi == "10.1006/cryo.2001.2328"
    assert Publication.objects.count() == 2


@pytest.mark.django_db
def test_match_by_pmid_updates_changed_fields_and_keeps_the_editors_link(xml_bytes):
    team = TeamFactory()
    existing = PublicationFactory(
        pmid="11748933",
        doi=None,
        title="Old title",
        authors="Taddei A",
        journal="Cryobiology",
        year=2000,
        url="https://publisher.example.org/cryo",
    )
    TeamPublication.objects.create(team=team, publication=existing)
    report = import_publications(records=parse_pubmed(xml_bytes), team=team)
    [item] = report.updated
    assert item.changed_fields == ["title", "authors", "year", "doi"]
    assert item.reason == "changed: title, authors, year, DOI"
    assert not item.linked
    existing.refresh_from_db()
    assert (existing.title, existing.authors, existing.year) == (CRYO_TITLE, CRYO_AUTHORS, 2001)
    assert existing.doi == "10.1006/cryo.2001.2328"
    assert existing.url == "https://publisher.example.org/cryo"


@pytest.mark.django_db
def test_duplicates_in_one_file_count_once():
    data = pubmed_xml(
        article(pmid="39000001", doi="10.1000/a"),
        article(pmid="39000001", doi="10.1000/a"),
        article(pmid="39000002", doi="10.1000/A"),  # same DOI, other PMID
    )
    report = import_publications(records=parse_pubmed(data), team=TeamFactory())
    assert report.counts == {"added": 1, "updated": 0, "unchanged": 0, "skipped": 2}
    assert {item.reason for item in report.skipped} == {"repeated in the file"}
    assert Publication.objects.count() == 1


@pytest.mark.django_db
def test_records_without_title_year_or_authors_are_skipped_with_a_reason():
    data = pubmed_xml(
        article(pmid="1", title=""),
        article(pmid="2", pub_date=""),
        article(pmid="3", authors=()),
        article(pmid="4", pub_date="<Year>1850</Year>"),
        article(pmid="", doi=None),
        article(pmid="5", doi=None),
    )
    report = import_publications(records=parse_pubmed(data), team=TeamFactory())
    assert [item.reason for item in report.skipped] == [
        "no title",
        "no year",
        "no authors",
        "year 1850 out of range",
        "no PMID and no DOI",
    ]
    assert report.skipped[0].title == "(no title)"
    [added] = report.added
    assert added.publication.pmid == "5"
    assert added.publication.doi is None


@pytest.mark.django_db
def test_conflicting_identifiers_are_skipped_and_nothing_changes():
    team = TeamFactory()
    other_pmid = PublicationFactory(pmid="38000000", doi="10.1000/taken", title="Kept")
    holder = PublicationFactory(pmid="39000003", doi="10.1000/held", title="Kept too")
    PublicationFactory(pmid="38000001", doi="10.1000/other")
    data = pubmed_xml(
        article(pmid="39000001", doi="10.1000/TAKEN"),  # DOI of a publication with another PMID
        article(pmid="39000003", doi="10.1000/other"),  # PMID match, DOI held by another one
    )
    report = import_publications(records=parse_pubmed(data), team=team)
    assert report.counts == {"added": 0, "updated": 0, "unchanged": 0, "skipped": 2}
    assert "PMID 38000000" in report.skipped[0].reason
    assert "another publication" in report.skipped[1].reason
    other_pmid.refresh_from_db()
    holder.refresh_from_db()
    assert (other_pmid.title, holder.title, holder.doi) == ("Kept", "Kept too", "10.1000/held")
    assert not TeamPublication.objects.exists()


@pytest.mark.django_db
def test_import_is_one_transaction(xml_bytes, monkeypatch):
    calls = []
    real = TeamPublication.objects.get_or_create

    def failing_get_or_create(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real(**kwargs)

    monkeypatch.setattr(
        publication_import.TeamPublication.objects, "get_or_create", failing_get_or_create
    )
    with pytest.raises(RuntimeError):
        import_publications(records=parse_pubmed(xml_bytes), team=TeamFactory())
    assert not Publication.objects.exists()


@pytest.mark.django_db
def test_service_refuses_a_team_the_user_may_not_edit(xml_bytes):
    editor = StaffFactory()
    own, other = TeamFactory(), TeamFactory()
    own.editors.add(editor)
    with pytest.raises(PermissionDenied):
        import_publications(records=parse_pubmed(xml_bytes), team=other, user=editor)
    report = import_publications(records=parse_pubmed(xml_bytes), team=own, user=editor)
    assert report.counts["added"] == 2


# The admin view -----------------------------------------------------------------------------


def upload(data: bytes, name: str = "pubmed.xml") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.fixture
def admin_client(client):
    SiteSettingsFactory()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(UserFactory(username="chief", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def team_editor(client):
    SiteSettingsFactory()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    user = StaffFactory(username="editor")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="teams",
            codename__in=["add_publication", "change_publication", "view_publication"],
        )
    )
    client.force_login(user)
    return user


def test_url_name():
    assert reverse("admin:teams_publication_import_pubmed") == URL


@pytest.mark.django_db
def test_get_shows_the_form_in_the_admin(admin_client):
    TeamFactory(acronym="IMMX")
    response = admin_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Import publications from PubMed" in html
    assert 'enctype="multipart/form-data"' in html
    assert "csrfmiddlewaretoken" in html
    assert "MEDLINE" in html and "PubMed XML" in html
    assert 'class="breadcrumbs"' in html
    assert "IMMX" in html
    assert response.context["opts"] is Publication._meta
    assert "report" not in response.context


@pytest.mark.django_db
def test_post_real_xml_imports_and_shows_the_report(admin_client, xml_bytes):
    team = TeamFactory()
    response = admin_client.post(URL, {"file": upload(xml_bytes), "team": team.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 added, 0 updated, 0 already up to date, 0 skipped" in html
    assert CRYO_TITLE in html and MRI_TITLE in html
    assert "10.1006/cryo.2001.2328" in html
    assert set(team.publications.values_list("pmid", flat=True)) == {"11748933", "11700088"}
    assert response.context["report"].counts["added"] == 2
    assert LogEntry.objects.filter(action_flag=ADDITION).count() == 2
    # The team stays chosen for the next file.
    assert response.context["form"].initial["team"] == team

    again = admin_client.post(URL, {"file": upload(xml_bytes), "team": team.pk})
    assert "0 added, 0 updated, 2 already up to date, 0 skipped" in again.content.decode()
    assert Publication.objects.count() == 2


@pytest.mark.django_db
def test_post_real_medline_under_any_file_name(admin_client, medline_bytes):
    team = TeamFactory()
    response = admin_client.post(
        URL, {"file": upload(medline_bytes, "export.xml"), "team": team.pk}
    )
    assert response.status_code == 200
    assert response.context["report"].counts["added"] == 4
    assert (
        team.publications.get(pmid="14871861").authors == "de Hoon MJ, Imoto S, Nolan J, Miyano S"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        b"<PubmedArticleSet><PubmedArticle>",
        b"Title,Authors\nT cells,Doe J\n",
        b"",
        b'<!DOCTYPE x [<!ENTITY a "b">]><PubmedArticleSet/>',
    ],
)
def test_bad_files_are_form_errors_not_500(admin_client, data):
    team = TeamFactory()
    response = admin_client.post(URL, {"file": upload(data, "pubmed.txt"), "team": team.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert "errorlist" in response.content.decode()
    assert "report" not in response.context
    assert not Publication.objects.exists()


@pytest.mark.django_db
def test_files_over_10_mb_are_refused(admin_client, xml_bytes):
    team = TeamFactory()
    big = xml_bytes + b" " * (10 * 1024 * 1024)
    response = admin_client.post(URL, {"file": upload(big), "team": team.pk})
    assert response.status_code == 200
    assert "too large" in response.context["form"].errors["file"][0]
    assert not Publication.objects.exists()


@pytest.mark.django_db
def test_team_editor_imports_into_their_team_only(client, team_editor, xml_bytes):
    own, other = TeamFactory(acronym="OWN1"), TeamFactory(acronym="OTHER1")
    own.editors.add(team_editor)

    form = client.get(URL).context["form"]
    assert list(form.fields["team"].queryset) == [own]

    refused = client.post(URL, {"file": upload(xml_bytes), "team": other.pk})
    assert refused.status_code == 200
    assert refused.context["form"].errors["team"]
    assert not Publication.objects.exists()

    accepted = client.post(URL, {"file": upload(xml_bytes), "team": own.pk})
    assert accepted.context["report"].counts["added"] == 2
    assert own.publications.count() == 2
    assert not other.publications.exists()


@pytest.mark.django_db
def test_staff_without_the_add_permission_gets_403(client):
    client.force_login(StaffFactory())
    assert client.get(URL).status_code == 403
    assert client.post(URL, {}).status_code == 403


@pytest.mark.django_db
def test_non_staff_and_anonymous_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_publication"))
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
