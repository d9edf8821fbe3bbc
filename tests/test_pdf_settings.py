import pydantic
import pytest

from boardpapers.extractors.read.pdf_settings import PDF_SETTINGS, PdfSettings


@pytest.mark.parametrize("bad", [{"margin": 0.7}, {"x_tolerance": 0}, {"row_gap_factor": 0.9},
                                 {"continuation_top": 1.5}, {"no_such_tolerance": 1}])
def test_a_tolerance_out_of_range_is_refused_when_made(bad):
    with pytest.raises(pydantic.ValidationError):
        PdfSettings(**bad)


def test_settings_cannot_be_changed_in_place():
    with pytest.raises(pydantic.ValidationError):
        PDF_SETTINGS.margin = 0.2


def test_the_table_finder_gets_the_ruled_settings():
    assert PDF_SETTINGS.ruled == {"vertical_strategy": "lines", "horizontal_strategy": "lines",
                                  "snap_tolerance": 3.0, "intersection_tolerance": 5.0}
