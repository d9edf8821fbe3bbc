"""boardpapers installs as one import package and nothing else, and runs as `python -m boardpapers`."""
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT


def test_the_wheel_installs_only_the_boardpapers_package(tmp_path):
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q",
                            "-w", str(tmp_path), str(ROOT)], capture_output=True, text=True)
    if built.returncode != 0 and "setuptools" in built.stderr:
        pytest.skip(f"this environment cannot build the wheel: {built.stderr[-200:]}")
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("boardpapers-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"boardpapers", wheel.name.split("-py")[0] + ".dist-info"}
    assert {"boardpapers/ingest/cli.py", "boardpapers/extractors/read/pdf.py", "boardpapers/db/store.py",
            "boardpapers/schema/models.py", "boardpapers/__main__.py"} <= set(names)
    assert "boardpapers/__init__.py" not in names  # a namespace package: its parts are the stages


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_python_m_boardpapers_prints_the_version(flag):
    out = subprocess.run([sys.executable, "-m", "boardpapers", flag], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("boardpapers, version ")
