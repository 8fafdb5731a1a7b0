"""The validators really catch problems: a check that cannot fail would prove nothing."""

import pytest

from tests.conftest import run_axe, run_vnu


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
