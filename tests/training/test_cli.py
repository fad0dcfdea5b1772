"""`python -m training` on a slice of the shared photos, in a subprocess (no Flask)."""
from __future__ import annotations

import json
import subprocess
import sys

from conserje.config import REPO_ROOT

FACES = REPO_ROOT.parent / "shared" / "datasets" / "faces"


def run(*args):
    result = subprocess.run([sys.executable, "-m", "training", *args], capture_output=True,
                            text=True, timeout=600, cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_import_calibrate_evaluate(tmp_path):
    subset = tmp_path / "faces"
    subset.mkdir()
    for name in ("obama", "bill_clinton", "colin_powell", "nicole_kidman"):
        (subset / name).symlink_to(FACES / name)
    imported = run("import-dataset", str(subset), "--out", str(tmp_path / "set.npz"))
    assert imported["people"] == 4 and imported["faces"] >= 16
    calibrated = run("calibrate", str(tmp_path / "set.npz"), "--far", "0.01")
    assert 0 < calibrated["threshold"] < 1
    report = run("evaluate", str(subset), "--out", str(tmp_path / "report.json"))
    assert report["probes"]["rank1"] == 1.0 and report["people"] == 4
    assert json.loads((tmp_path / "report.json").read_text())["threshold"] == report["threshold"]
