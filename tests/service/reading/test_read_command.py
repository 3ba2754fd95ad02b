"""`kinship read`: how a phrase would be read, from the command line, with no settings at all."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def kinship_read(*args: str, stdin: str = "") -> list[dict]:
    # Only what Python needs: no DATABASE_URL, REDIS_URL or Twilio settings.
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}
    out = subprocess.run([sys.executable, "-m", "service.cli", "read", *args], cwd=ROOT, env=env,
                         input=stdin, capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_reads_one_reply_per_line_of_standard_input():
    got = kinship_read(stdin="4\nI want to die\n\nnot great, can someone call me?\n")
    assert [g["action"] for g in got] == ["none", "crisis", "support"]
    assert got[0] == {"text": "4", "score": 4, "crisis": False, "wants_support": False, "positive": True,
                      "reasons": ["score 4 from '4'", "positive: score 4"], "action": "none"}
    assert set(got[1]) == {"text", "score", "crisis", "wants_support", "positive", "reasons", "action"}


def test_reads_its_arguments_in_the_language_given():
    got = kinship_read("--language", "es", "fatal", "quiero morirme")
    assert got[0]["score"] == 1 and got[0]["action"] == "support"
    assert got[1]["crisis"] and got[1]["text"] == "quiero morirme"


def test_a_bad_language_is_refused():
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    out = subprocess.run([sys.executable, "-m", "service.cli", "read", "--language", "fr", "hola"], cwd=ROOT,
                         env=env, capture_output=True, text=True)
    assert out.returncode != 0 and "fr" in out.stderr and not out.stdout
