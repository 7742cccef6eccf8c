#!/usr/bin/env python3
"""Compare custseg's BG/NBD per-customer P(alive) and expected purchases with `lifetimes`.

On the CDNOW sample (tests/data/cdnow/summary.csv, 2 357 customers, calibration weeks 1-39),
custseg fits BG/NBD in days (`cargo run --example cdnow -- OUT.csv`, examples/cdnow.rs, writes
its parameters and, per customer, P(alive) and the expected purchase days in the next 91 days);
`lifetimes` fits the same summary in weeks (the published way) and predicts 13 weeks ahead.
Two comparisons, each the largest relative difference over all customers:
  1. each with its own fit (the acceptance bar: 1e-3);
  2. lifetimes' formulas evaluated at custseg's parameters (alpha / 7), which isolates the
     formulas from the optimiser.

Run from the repository root:

    python3 -m venv /tmp/lt && /tmp/lt/bin/pip install lifetimes==0.11.3
    /tmp/lt/bin/python scripts/compare_lifetimes.py

Exit status 1 when comparison 1 differs by more than 1e-3 relative for any customer.
"""

import csv
import os
import subprocess
import sys
import tempfile

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter

TOLERANCE = 1e-3
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def custseg_predictions(path):
    subprocess.run(
        ["cargo", "run", "--quiet", "--example", "cdnow", "--", path],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    with open(path, encoding="utf-8") as f:
        header = f.readline().lstrip("# ").split()
        params = {k: float(v) for k, v in (kv.split("=") for kv in header)}
        rows = list(csv.DictReader(f))
    alive = np.array([float(r["p_alive"]) for r in rows])
    expected = np.array([float(r["expected_91_days"]) for r in rows])
    return params, alive, expected


def largest_relative(a, b):
    return float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-12)))


def main() -> int:
    summary = pd.read_csv(os.path.join(ROOT, "tests/data/cdnow/summary.csv"))
    freq = summary["x"].astype(float)
    rec = summary["t_x_days"] / 7.0
    age = summary["T_days"] / 7.0
    with tempfile.TemporaryDirectory() as tmp:
        params, alive, expected = custseg_predictions(os.path.join(tmp, "cdnow.csv"))

    own = BetaGeoFitter().fit(freq, rec, age)
    print("lifetimes:", {k: round(v, 6) for k, v in own.params_.items()})
    print("custseg:  ", {"r": params["r"], "alpha": params["alpha_days"] / 7.0, "a": params["a"], "b": params["b"]})
    lt_alive = np.asarray(own.conditional_probability_alive(freq, rec, age))
    lt_expected = np.asarray(own.conditional_expected_number_of_purchases_up_to_time(13, freq, rec, age))
    d_alive = largest_relative(alive, lt_alive)
    d_expected = largest_relative(expected, lt_expected)
    print(f"1. own fits: P(alive) max rel diff {d_alive:.2e}, expected purchases {d_expected:.2e}")

    same = BetaGeoFitter()
    same.params_ = pd.Series({"r": params["r"], "alpha": params["alpha_days"] / 7.0,
                              "a": params["a"], "b": params["b"]})
    s_alive = np.asarray(same.conditional_probability_alive(freq, rec, age))
    s_expected = np.asarray(same.conditional_expected_number_of_purchases_up_to_time(13, freq, rec, age))
    print(f"2. same parameters: P(alive) max rel diff {largest_relative(alive, s_alive):.2e}, "
          f"expected purchases {largest_relative(expected, s_expected):.2e}")
    return 0 if max(d_alive, d_expected) <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
