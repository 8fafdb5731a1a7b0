"""The validators really catch problems: a check that cannot fail would prove nothing."""

import pytest

from tests.conftest import read_vnu_report, run_axe, run_vnu


@pytest.mark.browser
def test_axe_reports_violations(page, axe_source):
    page.set_content('<html><body><img src="data:,"><a href="#"></a></body></html>')
    ids = {v["id"] for v in run_axe(page, axe_source)}
    assert {"image-alt", "html-has-lang", "link-name"} <= ids


def test_nu_checker_reports_errors(tmp_path):
    errors = run_vnu(
        {
            "bad": "<!DOCTYPE html><html lang=en><title>x</title><p><div></span>",
            "good": "<!DOCTYPE html><html lang=en><head><title>x</title></head><body></body>",
        },
        tmp_path,
    )
    assert errors["bad"], "the checker found nothing wrong in broken HTML"
    assert errors["good"] == []


FILES = {"page0.html": "home [fr]", "page1.html": "home [en]"}
CLEAN = '{"messages": []}'


def test_nu_report_must_cover_every_document():
    with pytest.raises(pytest.fail.Exception, match="did not check"):
        read_vnu_report(0, "/tmp/x/page0.html\n", CLEAN, FILES)


def test_nu_checker_crash_fails():
    with pytest.raises(pytest.fail.Exception, match="no report"):
        read_vnu_report(1, "", "Exception in thread main java.lang.OutOfMemoryError", FILES)
    with pytest.raises(pytest.fail.Exception, match="exited 2"):
        read_vnu_report(2, "/t/page0.html\n/t/page1.html\n", CLEAN, FILES)


def test_nu_non_document_errors_count():
    report = (
        '{"messages": [{"type": "non-document-error", "url": "file:/t/page1.html",'
        ' "subType": "io", "message": "Cannot read"}]}'
    )
    errors = read_vnu_report(1, "/t/page0.html\n/t/page1.html\n", report, FILES)
    assert errors == {
        "home [fr]": [],
        "home [en]": [
            {"type": "non-document-error", "line": None, "message": "Cannot read", "extract": ""}
        ],
    }


def test_nu_unreadable_file_fails():
    report = (
        '{"messages": [{"type": "info", "url": "file:/t/page1.html",'
        ' "message": "File not found."}]}'
    )
    with pytest.raises(pytest.fail.Exception, match="could not read home \\[en\\]"):
        read_vnu_report(0, "/t/page0.html\n/t/page1.html\n", report, FILES)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("body", "found"),
    [
        # A header and no number at all.
        ('<header class="site-header">x</header><p>text</p>', {"header": True, "bottom": None}),
        # A number two screens down.
        (
            '<header class="site-header">x</header><div style="height:1400px"></div>'
            '<a href="tel:+33144324000">01 44 32 40 00</a>',
            {"header": True},
        ),
        # A number that wraps.
        (
            '<header class="site-header"><a href="tel:+33144324000" style="display:block;'
            'width:3em;line-height:20px">01 44 32 40 00</a></header>',
            {"header": True},
        ),
    ],
)
def test_the_first_screen_call_check_fails_without_a_number_to_call(page, axe_source, body, found):
    from tests.conftest import check_in_browser

    page.set_content(f'<!DOCTYPE html><html lang="en"><title>x</title><body>{body}</body></html>')
    problems = [p for p in check_in_browser(page, axe_source) if "no number to call" in str(p)]
    assert problems, "a page with no number to call in the first screen passed"
    [problem] = problems
    assert found.items() <= next(iter(problem.values())).items()
