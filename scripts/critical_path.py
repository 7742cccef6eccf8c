#!/usr/bin/env python3
"""The critical path of one custseg run, from a perf profile: how long the run would take on two
free cores, measured on a shared, loaded machine (issue 20).

Each sample is put in the run's phase whose function is on its stack (reading, aggregation and the
models, classification, clustering, the customer sheets, packing and report); a phase takes the
larger of its busiest thread's samples and half of all its samples (two cores). The sum of the
phases is the critical path; for the single-threaded floor it is simply all its samples.

    cargo build --profile profiling --bin custseg
    perf record -F 1999 --call-graph dwarf,32768 -o /tmp/p.data \\
        target/profiling/custseg IN.xlsx ... -o /tmp/out -q --as-of 2026-09-30
    perf script -i /tmp/p.data -F comm,tid,time,ip,sym | python3 scripts/critical_path.py
"""

import collections
import sys

# (phase, a function on the stack), the first match wins; order matters.
PHASES = [
    ("1 read", "custseg::read::read_file_into"),
    ("1 read", "custseg::extract::"),
    ("2 aggregate + models", "custseg::forecast::"),
    ("2 aggregate + models", "custseg::aggregate::"),
    ("3 classify", "custseg::classify::"),
    ("4 cluster", "custseg::cluster::"),
    ("6 pack + report", "Written::save"),
    ("6 pack + report", "custseg::report::"),
    ("5 sheets", "custseg::workbook::"),
    ("5 sheets", "custseg::compare::"),
]


def samples(lines):
    """(thread id, time, [frames]) per sample of `perf script -F comm,tid,time,ip,sym`."""
    head, frames = None, []
    for line in lines:
        if not line.strip():
            if head:
                yield head[0], head[1], frames
            head, frames = None, []
        elif not line[0].isspace():
            parts = line.split()
            head, frames = (parts[1], float(parts[2].rstrip(":"))), []
        else:
            parts = line.strip().split(None, 1)
            frames.append(parts[1] if len(parts) > 1 else "?")
    if head:
        yield head[0], head[1], frames


def main():
    table = collections.defaultdict(collections.Counter)
    current = PHASES[0][0]
    total = 0
    for tid, _, frames in sorted(samples(sys.stdin), key=lambda s: s[1]):
        total += 1
        phase = next((p for p, f in PHASES if any(f in fr for fr in frames)), None)
        if phase is not None:
            current = max(current, phase)
        # A sample in no phase's function (allocator, kernel) counts in the phase under way.
        table[phase or current][tid] += 1
    path = 0.0
    for phase in sorted(table):
        threads = table[phase]
        took = max(max(threads.values()), sum(threads.values()) / 2)
        path += took
        print(f"{phase:22s} {sum(threads.values()):6d} samples, {took:7.1f} on the path")
    print(f"critical path {path:.0f} samples of {total}")


if __name__ == "__main__":
    main()
