"""boardpapers serve: live data during and after a batch; SIGTERM stops it and Datasette."""
import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import CORPUS

RUN = [sys.executable, "-c", "from boardpapers.ingest.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _count(base: str) -> int:
    with urllib.request.urlopen(base + "/plans/documents.json?_shape=array&_size=max", timeout=5) as response:
        assert response.status == 200
        return len(json.loads(response.read()))


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(p) for p in handle.read().split()]


def test_serve_shows_what_a_later_batch_wrote_and_stops_on_sigterm(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(CORPUS / "riverford_audit_followup.txt", papers)
    db = tmp_path / "plans.db"
    subprocess.run(RUN + ["ingest", str(papers), "--db", str(db), "--quiet"], check=True)
    port = _free_port()
    proc = subprocess.Popen(RUN + ["serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                before = _count(base)
                break
            except OSError:
                time.sleep(0.2)
        assert before == 1
        children = _children(proc.pid)
        for name in ("hartley_hwb_delivery_plan.md", "milbrook_committee_minutes.txt"):
            shutil.copy(CORPUS / name, papers)
        subprocess.run(RUN + ["ingest", str(papers), "--db", str(db), "--quiet"], check=True)
        assert _count(base) == 3  # the new papers, without restarting the server
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    for child in children:  # Datasette went with it
        for _ in range(50):
            try:
                with open(f"/proc/{child}/stat") as handle:
                    if handle.read().split()[2] == "Z":
                        break
            except FileNotFoundError:
                break
            time.sleep(0.1)
        else:
            raise AssertionError(f"Datasette ({child}) still runs after SIGTERM")
