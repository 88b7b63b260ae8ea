#!/usr/bin/env python3
"""Breaks a callgrind count down by function, naming JIT-compiled code from the runtime's perf map.

    CALLGRIND_KEEP=/tmp/cg bench/callgrind-loop.sh validate scale-16 2
    bench/callgrind-functions.py /tmp/cg/callgrind.out /tmp/cg/perf.map DLmr 30

Prints each function's own count of the event (DLmr: last-level read misses; Ir: instructions), largest first, with
its share. Code the perf map does not name (runtime stubs and helpers, precompiled framework code) keeps its address.
"""
import bisect
import collections
import re
import sys


def read_map(path):
    entries = []
    for line in open(path, errors="replace"):
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) == 3:
            entries.append((int(parts[0], 16), int(parts[1], 16), parts[2]))
    entries.sort()
    return entries


def main(out, perf_map, event, top):
    entries = read_map(perf_map)
    starts = [e[0] for e in entries]

    def name_of(function, library):
        match = re.match(r"0x([0-9a-f]+)", function or "")
        if match:
            address = int(match.group(1), 16)
            i = bisect.bisect_right(starts, address) - 1
            if i >= 0 and address < starts[i] + entries[i][1]:
                return entries[i][2]
        return f"{function} [{(library or '').split('/')[-1]}]"

    names = {"fn": {}, "ob": {}}
    cost = collections.Counter()
    current = library = None
    column = None
    after_call = False
    for line in open(out, errors="replace"):
        line = line.rstrip("\n")
        if line.startswith("events:"):
            column = line.split()[1:].index(event) + 1
            continue
        header = re.match(r"^(c?)(fn|ob)=\((\d+)\)(?: (.*))?$", line)
        if header:
            called, kind, number, name = header.groups()
            if name is not None:
                names[kind][number] = name
            if not called:
                if kind == "fn":
                    current = names[kind][number]
                else:
                    library = names[kind][number]
            continue
        if line.startswith("calls="):
            # The cost line after a call is the callee's inclusive cost, not this function's own.
            after_call = True
            continue
        if column is not None and line and (line[0].isdigit() or line[0] in "+-*"):
            if after_call:
                after_call = False
                continue
            values = line.split()
            if len(values) > column and values[column].isdigit():
                cost[name_of(current, library)] += int(values[column])

    total = sum(cost.values())
    print(f"{event}: {total:,}")
    for name, value in cost.most_common(top):
        print(f"{value:14,} {100 * value / max(total, 1):5.1f}%  {name[:160]}")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        print(__doc__)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 30)
