"""A real browser on `boardpapers serve`: search, an item, the overdue view.

Headless Chromium (Debian's package; .ci/run installs it) loads each page,
saves a screenshot and dumps the rendered DOM; the test checks the page shows
what the corpus says it should.  Set BOARDPAPERS_SCREENSHOTS=DIR to keep the
screenshots (the README's comes from here).
"""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import CORPUS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"),
                                reason="chromium is not installed (apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1280,1400"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    assert CHROMIUM, "chromium must be installed for the browser test"
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "plans.db"
    run = [sys.executable, "-c", "from boardpapers.ingest.cli import main; main()"]
    subprocess.run(run + ["ingest", str(CORPUS), "--db", str(db), "--quiet"], check=True)
    port = _free_port()
    proc = subprocess.Popen(run + ["serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.terminate()
        pytest.fail("boardpapers serve did not start: " + proc.stderr.read().decode()[-2000:])
    yield base, tmp
    proc.terminate()
    proc.wait(timeout=10)


def visit(server, path: str, shot: str, **options) -> str:
    """Screenshot the page and return its rendered DOM."""
    base, tmp = server
    return shoot(base + path, tmp, shot, **options)


def shoot(url: str, tmp: Path, shot: str, height: int = 1400, scripts: bool = False) -> str:
    """Screenshot a URL (a served page or a file) and return its rendered DOM (with scripts: after
    they have had 8 s of the page's own clock to draw)."""
    profile = tmp / "profile"
    keep = os.environ.get("BOARDPAPERS_SCREENSHOTS")
    target = Path(keep) / shot if keep else tmp / shot
    target.parent.mkdir(parents=True, exist_ok=True)
    flags = [f if not f.startswith("--window-size") else f"--window-size=1280,{height}" for f in FLAGS]
    flags += ["--virtual-time-budget=8000"] if scripts else []
    subprocess.run([CHROMIUM, *flags, f"--user-data-dir={profile}", f"--screenshot={target}", url],
                   check=True, capture_output=True, timeout=120)
    dom = subprocess.run([CHROMIUM, *flags, f"--user-data-dir={profile}", "--dump-dom", url],
                         check=True, capture_output=True, timeout=120, text=True).stdout
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    return dom


def test_search_finds_the_action(server):
    dom = visit(server, "/plans/actions?_search=walkabout", "search.png")
    assert "Invite residents" in dom and "northshire_housing_plan.pdf" in dom
    assert "Introduce online booking" not in dom


def test_an_item_page_shows_its_fields_and_links(server):
    dom = visit(server, "/plans/actions?id=1", "item.png")  # a table page expands foreign keys to labels
    assert "Add two venues in the east of the borough." in dom
    assert "Expand the school holiday food programme." in dom  # the recommendation, linked by its label
    assert "ashbury_food_poverty_report.html" in dom and "July 2022" in dom


def test_overdue_view_lists_what_was_late_at_the_paper_date(server):
    dom = visit(server, "/plans/overdue_actions", "overdue.png")
    assert "Introduce online booking of repair appointments." in dom
    assert "Circulate the revised estates strategy" not in dom  # its progress says it is done


def test_the_report_renders_in_a_browser_and_prints_to_pdf(server):
    import pypdfium2

    _, tmp = server
    html, pdf = tmp / "report.html", tmp / "report.pdf"
    run = [sys.executable, "-c", "from boardpapers.ingest.cli import main; main()"]
    subprocess.run(run + ["report", "--db", str(tmp / "plans.db"), "--as-of", "2024-12-31", "--plan", "cardiovascular",
                          "--output", str(html), "--pdf", str(pdf)], check=True, capture_output=True, timeout=300)
    dom = shoot(html.as_uri(), tmp, "report.png", height=2300)
    assert "Overdue actions, by owner" in dom and "Oliver Newbould" in dom
    assert dom.count('<rect class="rag-') >= 8  # the ratings chart drawn: a segment per rating per paper
    document = pypdfium2.PdfDocument(str(pdf))
    text = " ".join(page.get_textpage().get_text_range() for page in document)
    assert "Overdue actions, by owner" in text and "Ratings over time" in text and "Papers covered" in text


def test_the_front_page_leads_with_the_questions(server):
    dom = visit(server, "/", "index.png", height=1100)
    assert dom.index("What is overdue?") < dom.index("All tables and views") < dom.index(">plans</a>")


def test_an_action_page_reads_as_the_item_with_its_history(server):
    import sqlite3

    _, tmp = server
    with sqlite3.connect(tmp / "plans.db") as conn:  # the falls plan's medicines review, in all six papers
        (action_id,) = conn.execute("""select action_id from progress_updates
            where action like 'Review the medicines%' order by version desc limit 1""").fetchone()
    dom = visit(server, f"/plans/actions/{action_id}", "action.png")
    assert "History across papers" in dom and "Falls prevention action plan: final report" in dom
    for paper in ("2023_04_falls_plan.docx", "2024_10_falls_update.pdf", "2025_10_falls_final.html"):
        assert paper in dom
    assert "Medicines Optimisation Lead" in dom and "Chief Pharmacist" in dom and 'class="rag rag-' in dom


def test_the_dashboard_draws_its_charts(server):
    dom = visit(server, "/-/dashboards/board", "dashboard.png", height=2000, scripts=True)
    assert "Ratings by plan" in dom and "Items per paper" in dom
    assert dom.count('class="marks"') >= 4  # Vega drew every chart (from the plugin's own files: no network)
