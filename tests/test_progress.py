import io

from boardpapers.ingest.batch import FileOutcome
from boardpapers.ingest.progress import BarProgress, LogProgress, QuietProgress, choose


class Terminal(io.StringIO):
    def isatty(self):
        return True


def run(progress, outcomes):
    progress.start(len(outcomes))
    for outcome in outcomes:
        progress.file_done(outcome)
    progress.finish()
    return progress.stream.getvalue()


OUTCOMES = [FileOutcome("a.pdf", "stored", plans=1, items=4, pages=20),
            FileOutcome("b.pdf", "failed", error="the file is empty", error_kind="empty_file"),
            FileOutcome("c.txt", "unchanged")]


def test_choose_by_where_the_output_goes():
    assert isinstance(choose(False, Terminal()), BarProgress)
    assert isinstance(choose(False, io.StringIO()), LogProgress)
    assert isinstance(choose(True, Terminal()), QuietProgress)


def test_bar_shows_files_rate_failures_and_current_file():
    text = run(BarProgress(stream=Terminal()), OUTCOMES)
    assert "\r[##########" in text and "1/3 files" in text and "3/3 files" in text
    assert "pages/s" in text and "1 failed" in text and "c.txt" in text
    assert "FAILED b.pdf: the file is empty [empty_file]" in text
    assert "items      4" in text and "failures   1" in text


def test_log_lines_for_pipes_and_quiet_shows_failures_only():
    log = run(LogProgress(stream=io.StringIO()), OUTCOMES)
    assert log.splitlines()[:3] == ["[1/3] stored a.pdf: 4 items in 1 plan",
                                    "[2/3] FAILED b.pdf: the file is empty [empty_file]", "[3/3] unchanged c.txt"]
    quiet = QuietProgress(stream=io.StringIO())
    quiet.start(3)
    for o in OUTCOMES:
        quiet.file_done(o)
    assert quiet.stream.getvalue().splitlines() == ["FAILED b.pdf: the file is empty [empty_file]"]
