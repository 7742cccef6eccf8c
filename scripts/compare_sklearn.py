#!/usr/bin/env python3
"""Compare custseg's k-means inertia with scikit-learn's KMeans on one fixed matrix.

The matrix is written deterministically by `examples/cluster_matrix.rs` (the standardised
features of 10 000 synthetic customers, as a real run builds them); the example also prints
custseg's inertia for k = 2..8. scikit-learn then fits the same matrix with its defaults made
explicit (k-means++, 10 restarts, 300 iterations, tol 1e-4) and the two are compared.

Run from the repository root:

    pip install scikit-learn numpy
    python3 scripts/compare_sklearn.py

Exit status 1 when custseg's inertia is more than 1 % above scikit-learn's for any k.
"""

import os
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.cluster import KMeans

TOLERANCE = 0.01


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "matrix.csv")
        run = subprocess.run(
            ["cargo", "run", "--quiet", "--release", "--features", "testdata", "--example", "cluster_matrix", "--", path],
            check=True,
            capture_output=True,
            text=True,
        )
        ours = {int(k): float(v) for k, v in (line.split() for line in run.stdout.splitlines())}
        x = np.loadtxt(path, delimiter=",")
    print(f"matrix: {x.shape[0]} rows x {x.shape[1]} features (standardised)")
    print(f"{'k':>2} {'custseg':>14} {'scikit-learn':>14} {'ratio':>8}")
    worst = 0.0
    for k, inertia in sorted(ours.items()):
        sk = KMeans(n_clusters=k, init="k-means++", n_init=10, max_iter=300, tol=1e-4,
                    random_state=0).fit(x)
        ratio = inertia / sk.inertia_
        worst = max(worst, ratio)
        print(f"{k:>2} {inertia:>14.3f} {sk.inertia_:>14.3f} {ratio:>8.4f}")
    print(f"worst ratio custseg / scikit-learn: {worst:.4f} (bar: {1 + TOLERANCE:.2f})")
    return 0 if worst <= 1 + TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
