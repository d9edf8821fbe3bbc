"""Every tolerance the PDF reader works with, in one validated object.

Distances are in points (1/72 inch); factors multiply the text's own spacing;
shares are fractions of the page or of a set.  Change one for an experiment
with `PDF_SETTINGS.model_copy(update={...})`; a value out of range is refused
when the object is made, not met half-way through a batch.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class PdfSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", validate_assignment=True)

    # words and rules (pdf_surface)
    x_tolerance: float = Field(3.0, gt=0, description="a gap wider than this between two glyphs starts a new word "
                                                      "(pdfplumber's default)")
    y_tolerance: float = Field(3.0, gt=0, description="glyphs whose tops differ by more are on different lines")
    axis_slack: float = Field(0.5, ge=0, description="a drawn segment this close to level or upright is a rule")
    max_box_segments: int = Field(12, ge=4, description="a filled shape drawn in more segments is no box "
                                                        "(unless it is thin)")
    thin: float = Field(3.0, gt=0, description="a filled shape no wider or taller than this is a rule")
    max_dot: float = Field(24.0, gt=0, description="a filled curved shape no wider or taller than this is a dot "
                                                   "or badge (a rating drawn as a coloured circle)")
    max_form_depth: int = Field(8, ge=1, description="how deep to look into form XObjects for rules")

    # tables
    snap_tolerance: float = Field(3.0, ge=0, description="rules this close are one rule (pdfplumber's table finder)")
    intersection_tolerance: float = Field(5.0, ge=0, description="rules this close to crossing do cross")
    column_gap: float = Field(12.0, gt=0, description="white space that separates two header cells of an unruled table")
    row_gap_factor: float = Field(1.35, gt=1, description="a gap this much wider than the leading starts a new row")
    dot_slack: float = Field(4.0, ge=0, description="how far past a row's lines or a column's start a coloured dot "
                                                    "may sit and still rate that row's cell")
    continuation_top: float = Field(0.25, gt=0, lt=1, description="a one-row table starting within this share of "
                                                                 "the page top carries on the table before")
    words_cut: float = Field(0.2, gt=0, le=1, description="share of neighbouring cells splitting a word between "
                                                          "them that makes a grid no table")

    # text
    paragraph_gap_factor: float = Field(1.6, gt=1, description="a gap this much wider than usual starts a paragraph")
    margin: float = Field(0.1, gt=0, lt=0.5, description="share of the page at top and bottom where running "
                                                         "headers and footers sit")
    min_gutter_width: float = Field(10.0, gt=0, description="white running down the page between two text columns")
    min_column_lines: int = Field(5, ge=1, description="lines each side of a gutter for a page in two columns")
    sizes_per_page: int = Field(2000, ge=1, description="characters per page sampled for the body text size")

    # colour
    min_fill_chroma: int = Field(60, ge=0, le=255, description="spread between a fill's strongest and weakest "
                                                               "channel below which it is white or grey, no colour")

    # screening
    min_enclosed_words: int = Field(3, ge=1, description="words boxed in by rules on all four sides from which a "
                                                         "page may hold a ruled table")

    @property
    def ruled(self) -> dict:
        """pdfplumber's table-finder settings for ruled tables."""
        return {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": self.snap_tolerance,
                "intersection_tolerance": self.intersection_tolerance}


PDF_SETTINGS = PdfSettings()
