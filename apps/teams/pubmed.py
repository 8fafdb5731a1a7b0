"""Parsers for files exported by PubMed: PubMed XML (efetch) and MEDLINE text ("PubMed format").

`parse_pubmed(data)` detects the format from the content and returns plain `PubmedRecord`s.
A file that is empty, malformed or in another format raises `PubmedFormatError`; a record
missing its title or year is returned anyway and carries a `skip_reason`.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.entities import html5

from Bio import Medline
from django.utils.translation import gettext as _

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_MAX_LENGTH = 200
PMID_RE = re.compile(r"^\d{1,12}$")
YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|2\d\d\d)(?!\d)")
ENTITY_RE = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
# A MEDLINE line: a tag of 2 to 4 capitals or digits padded to 4 characters, then "- ".
MEDLINE_LINE_RE = re.compile(r"^(?=[A-Z0-9 ]{4}-)[A-Z][A-Z0-9]{1,3} *-(?: |$)")
MEDLINE_CONTINUATION = "      "


class PubmedFormatError(ValueError):
    """The file cannot be read as a PubMed export; the message is meant for editors."""


@dataclass(frozen=True)
class PubmedRecord:
    title: str
    authors: str  # "Surname Initials, ..." as PubMed writes them
    journal: str
    year: int | None
    doi: str | None  # lower-case
    pmid: str | None
    url: str

    @property
    def skip_reason(self) -> str | None:
        """Why this record cannot become a publication, or None."""
        if not self.title:
            return _("no title")
        if self.year is None:
            return _("no year")
        return None


def parse_pubmed(data: bytes) -> list[PubmedRecord]:
    """Records of a PubMed XML or MEDLINE export, in file order."""
    text = _decode(data)
    stripped = text.lstrip()
    if not stripped:
        raise PubmedFormatError(_("The file is empty."))
    if stripped.startswith("<"):
        return parse_pubmed_xml(text)
    if _looks_like_medline(stripped):
        return parse_medline(text)
    raise PubmedFormatError(
        _(
            "This file is neither a PubMed XML export nor a MEDLINE (“PubMed format”) text "
            "export. In PubMed, use “Save” with the format “PubMed”, or download the XML."
        )
    )


# Helpers -----------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise PubmedFormatError(
            _("The file is not UTF-8 text. Upload the file as PubMed exported it.")
        ) from None
    if "\x00" in text:
        raise PubmedFormatError(_("The file holds NUL characters: it is not a PubMed export."))
    return text


def _unescape(text: str) -> str:
    """Turns HTML entities left in a text (`&amp;`, `&eacute;`, `&#233;`) into characters."""
    return ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


def _clean(text: str | None) -> str:
    """One line of text: entities decoded, white space collapsed."""
    return " ".join(_unescape(text or "").split())


def normalize_doi(value: str | None) -> str | None:
    """A bare lower-case DOI, or None when the value does not look like one."""
    doi = _clean(value).lower()
    doi = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", doi)
    if len(doi) > DOI_MAX_LENGTH or not DOI_RE.match(doi):
        return None
    return doi


def normalize_pmid(value: str | None) -> str | None:
    pmid = _clean(value)
    return pmid if PMID_RE.match(pmid) else None


def _year(value: str | None) -> int | None:
    match = YEAR_RE.search(value or "")
    return int(match.group(1)) if match else None


def _url(doi: str | None, pmid: str | None) -> str:
    if doi:
        return f"https://doi.org/{doi}"
    if pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"
    return ""


def _record(*, title, authors, journal, year, doi, pmid) -> PubmedRecord:
    doi = normalize_doi(doi)
    pmid = normalize_pmid(pmid)
    return PubmedRecord(
        title=_clean(title),
        authors=", ".join(a for a in (_clean(name) for name in authors) if a),
        journal=_clean(journal),
        year=year,
        doi=doi,
        pmid=pmid,
        url=_url(doi, pmid),
    )


# PubMed XML --------------------------------------------------------------------------------


def _html_entity_to_xml(match: re.Match) -> str:
    """`&eacute;` is unknown to XML without its DTD: write it as a character reference."""
    name = match.group(1)
    if name.startswith("#") or name in XML_ENTITIES:
        return match.group(0)
    chars = html5.get(f"{name};")
    if chars is None:
        return match.group(0)  # left for the parser to report
    return "".join(f"&#{ord(char)};" for char in chars)


def _text(element: ET.Element | None) -> str:
    """All the text inside an element, inline markup (<i>, <sup>) removed."""
    return "".join(element.itertext()) if element is not None else ""


def parse_pubmed_xml(text: str) -> list[PubmedRecord]:
    """Records of a PubmedArticleSet (efetch retmode=xml, or PubMed's XML download)."""
    if re.search(r"<!ENTITY", text, re.IGNORECASE):
        raise PubmedFormatError(
            _("The XML file declares entities, which PubMed exports never do: it was refused.")
        )
    text = ENTITY_RE.sub(_html_entity_to_xml, text)
    try:
        root = ET.fromstring(text)  # noqa: S314 - entity declarations refused above
    except ET.ParseError as error:
        line, column = error.position
        raise PubmedFormatError(
            _("The XML file is malformed (line %(line)s, column %(column)s).")
            % {"line": line, "column": column + 1}
        ) from None
    if root.tag != "PubmedArticleSet":
        raise PubmedFormatError(
            _("This XML file is not a PubMed export: it starts with <%(tag)s>, not <%(expected)s>.")
            % {"tag": root.tag, "expected": "PubmedArticleSet"}
        )
    records = []
    for child in root:
        if child.tag == "PubmedArticle":
            records.append(_xml_article(child))
        elif child.tag == "PubmedBookArticle":
            records.append(_xml_book(child))
    if not records:
        raise PubmedFormatError(_("The XML file holds no PubMed article."))
    return records


def _xml_authors(author_list: ET.Element | None) -> list[str]:
    names = []
    if author_list is None:
        return names
    for author in author_list.findall("Author"):
        if author.get("ValidYN") == "N":
            continue
        collective = _text(author.find("CollectiveName"))
        if collective.strip():
            names.append(collective)
            continue
        last_name = _text(author.find("LastName"))
        initials = _text(author.find("Initials"))
        if not initials.strip():
            fore_name = _text(author.find("ForeName"))
            initials = "".join(part[0] for part in re.split(r"[\s-]+", fore_name) if part)
        names.append(" ".join(p for p in (last_name, initials, _text(author.find("Suffix"))) if p))
    return names


def _xml_ids(container: ET.Element | None) -> dict[str, str]:
    """{IdType: value} of an ArticleIdList directly inside `container` (not its references)."""
    ids = {}
    if container is not None:
        for article_id in container.findall("ArticleIdList/ArticleId"):
            ids.setdefault(article_id.get("IdType", ""), _text(article_id))
    return ids


def _xml_date_year(pub_date: ET.Element | None) -> int | None:
    if pub_date is None:
        return None
    return _year(_text(pub_date.find("Year"))) or _year(_text(pub_date.find("MedlineDate")))


def _xml_article(element: ET.Element) -> PubmedRecord:
    citation = element.find("MedlineCitation")
    article = citation.find("Article") if citation is not None else None
    if article is None:
        return _record(title="", authors=[], journal="", year=None, doi=None, pmid=None)
    journal = article.find("Journal")
    title = _text(article.find("ArticleTitle")).strip() or _text(article.find("VernacularTitle"))
    year = _xml_date_year(article.find("Journal/JournalIssue/PubDate")) or _year(
        _text(article.find("ArticleDate/Year"))
    )
    doi = _xml_ids(element.find("PubmedData")).get("doi")
    if not normalize_doi(doi):
        for location in article.findall("ELocationID"):
            if location.get("EIdType") == "doi" and location.get("ValidYN", "Y") == "Y":
                doi = _text(location)
                break
    return _record(
        title=title,
        authors=_xml_authors(article.find("AuthorList")),
        journal=(
            _text(citation.find("MedlineJournalInfo/MedlineTA")).strip()
            or _text(journal.find("ISOAbbreviation") if journal is not None else None).strip()
            or _text(journal.find("Title") if journal is not None else None)
        ),
        year=year,
        doi=doi,
        pmid=_text(citation.find("PMID")),
    )


def _xml_book(element: ET.Element) -> PubmedRecord:
    document = element.find("BookDocument")
    if document is None:
        return _record(title="", authors=[], journal="", year=None, doi=None, pmid=None)
    book_title = _text(document.find("Book/BookTitle"))
    chapter = _text(document.find("ArticleTitle"))
    authors = _xml_authors(document.find("AuthorList")) or _xml_authors(
        document.find("Book/AuthorList")
    )
    ids = {**_xml_ids(document), **_xml_ids(element.find("PubmedBookData"))}
    return _record(
        title=chapter.strip() or book_title,
        authors=authors,
        journal=book_title
        if chapter.strip()
        else _text(document.find("Book/Publisher/PublisherName")),
        year=_xml_date_year(document.find("Book/PubDate")),
        doi=ids.get("doi"),
        pmid=_text(document.find("PMID")),
    )


# MEDLINE text ------------------------------------------------------------------------------


def _looks_like_medline(text: str) -> bool:
    first_line = text.split("\n", 1)[0].rstrip("\r")
    return bool(MEDLINE_LINE_RE.match(first_line))


def parse_medline(text: str) -> list[PubmedRecord]:
    """Records of a MEDLINE file (PubMed's "Save" with the format "PubMed")."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            # Six spaces or more: a blank line inside a folded field; fewer: between records.
            lines.append(
                MEDLINE_CONTINUATION + "\n" if line.startswith(MEDLINE_CONTINUATION) else "\n"
            )
        elif line.startswith(MEDLINE_CONTINUATION) or MEDLINE_LINE_RE.match(line):
            lines.append(line + "\n")
        else:
            raise PubmedFormatError(
                _("Line %(number)s is not in MEDLINE (“PubMed format”) form: “%(line)s”.")
                % {"number": number, "line": line[:60]}
            )
    if not any(line.startswith("PMID-") for line in lines):
        raise PubmedFormatError(_("The text file holds no PubMed record (no “PMID-” line)."))
    try:
        entries = list(Medline.parse(io.StringIO("".join(lines))))
    except (KeyError, ValueError, IndexError) as exc:
        raise PubmedFormatError(
            _("The MEDLINE text is damaged (a line continues a record that has not started).")
        ) from exc
    return [_medline_record(entry) for entry in entries]


def _medline_list(entry, key: str) -> list[str]:
    value = entry.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def _medline_doi(entry) -> str | None:
    for key in ("AID", "LID"):
        for value in _medline_list(entry, key):
            for match in re.finditer(r"(\S+)\s*\[doi\]", value):
                if normalize_doi(match.group(1)):
                    return match.group(1)
    return None


def _fau_to_au(full_name: str) -> str:
    """ "Casbon, James A" -> "Casbon JA" (when a record has FAU lines but no AU lines)."""
    last_name, _sep, fore_names = full_name.partition(",")
    initials = "".join(part[0] for part in re.split(r"[\s-]+", fore_names.strip()) if part)
    return f"{last_name.strip()} {initials}".strip()


def _medline_record(entry) -> PubmedRecord:
    authors = _medline_list(entry, "AU") or [
        _fau_to_au(name) for name in _medline_list(entry, "FAU")
    ]
    authors += _medline_list(entry, "CN")
    return _record(
        title=" ".join(_medline_list(entry, "TI")) or " ".join(_medline_list(entry, "TT")),
        authors=authors,
        journal=" ".join(_medline_list(entry, "TA")) or " ".join(_medline_list(entry, "JT")),
        year=_year(" ".join(_medline_list(entry, "DP")))
        or _year(" ".join(_medline_list(entry, "DEP"))),
        doi=_medline_doi(entry),
        pmid=" ".join(_medline_list(entry, "PMID")),
    )
