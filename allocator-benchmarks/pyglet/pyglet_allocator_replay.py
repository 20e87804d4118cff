#!/usr/bin/env python3
"""Replays an Allot trace file on a transcription of pyglet 2.1's allocator and times it.

This is NOT pyglet: pyglet is not installed on the benchmark machine (and PyPI is not reachable
there), so this file transcribes the algorithm of pyglet.graphics.allocation.Allocator (two
parallel Python lists, a linear scan per call, slices as pyglet takes them) as a stand-in for
pyglet's own speed. Placement decisions are those of docs/spec/semantics.md, first-fit.

Usage: python3 pyglet_allocator_replay.py TRACE [TRACE ...]
Prints, per file, "ops=N apply_ns=T ns_per_op=X" to stdout: T covers only the apply loop, not
parsing, as `allocator-examples.jar replay --stats` does.
"""

import sys
import time


class MemoryFailure(Exception):
    """pyglet's AllocatorMemoryException: the call needs a capacity of at least `requested`."""

    def __init__(self, requested):
        super().__init__(requested)
        self.requested = requested


class BadCall(Exception):
    """A call pyglet rejects with an assert."""


class Allocator:
    """First-fit over sorted blocks kept in two lists, as pyglet keeps them."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.starts = []
        self.sizes = []

    def set_capacity(self, size):
        if size < self.capacity:
            raise BadCall("capacity never shrinks")
        self.capacity = size

    def alloc(self, size):
        if size < 0:
            raise BadCall("negative size")
        if size == 0:
            return 0
        if not self.starts:
            if size <= self.capacity:
                self.starts.append(0)
                self.sizes.append(size)
                return 0
            raise MemoryFailure(size)
        if self.starts[0] > size:
            self.starts.insert(0, 0)
            self.sizes.insert(0, size)
            return 0
        free_start = self.starts[0] + self.sizes[0]
        for i, (alloc_start, alloc_size) in enumerate(zip(self.starts[1:], self.sizes[1:])):
            free_size = alloc_start - free_start
            if free_size == size:
                self.sizes[i] += free_size + alloc_size
                del self.starts[i + 1]
                del self.sizes[i + 1]
                return free_start
            if free_size > size:
                self.sizes[i] += size
                return free_start
            free_start = alloc_start + alloc_size
        free_size = self.capacity - free_start
        if free_size >= size:
            self.sizes[-1] += size
            return free_start
        raise MemoryFailure(free_start + size)

    def _find(self, start, size):
        for i, (alloc_start, alloc_size) in enumerate(zip(self.starts, self.sizes)):
            p = start - alloc_start
            if p >= 0 and size <= alloc_size - p:
                return i
        raise BadCall("region not allocated")

    def dealloc(self, start, size):
        if start < 0 or size < 0:
            raise BadCall("negative number")
        if size == 0:
            return
        i = self._find(start, size)
        alloc_start = self.starts[i]
        alloc_size = self.sizes[i]
        p = start - alloc_start
        if p == 0 and size == alloc_size:
            del self.starts[i]
            del self.sizes[i]
        elif p == 0:
            self.starts[i] += size
            self.sizes[i] -= size
        elif size == alloc_size - p:
            self.sizes[i] -= size
        else:
            self.sizes[i] = p
            self.starts.insert(i + 1, start + size)
            self.sizes.insert(i + 1, alloc_size - (p + size))

    def realloc(self, start, size, new_size):
        if start < 0 or size < 0 or new_size < 0:
            raise BadCall("negative number")
        if new_size == 0:
            if size != 0:
                self.dealloc(start, size)
            return 0
        if size == 0:
            return self.alloc(new_size)
        if new_size < size:
            self.dealloc(start + new_size, size - new_size)
            return start
        i = self._find(start, size)
        p = start - self.starts[i]
        if size == self.sizes[i] - p:
            is_final_block = i == len(self.starts) - 1
            if not is_final_block:
                free_size = self.starts[i + 1] - (start + size)
            else:
                free_size = self.capacity - (start + size)
            if free_size == new_size - size and not is_final_block:
                self.sizes[i] += free_size + self.sizes[i + 1]
                del self.starts[i + 1]
                del self.sizes[i + 1]
                return start
            if free_size > new_size - size:
                self.sizes[i] += new_size - size
                return start
        result = self.alloc(new_size)
        self.dealloc(start, size)
        return result


ARITY = {"capacity": 1, "alloc": 1, "dealloc": 2, "realloc": 3, "set_capacity": 1}


def parse(path):
    operations = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            words = line.split("#", 1)[0].split()
            if words and words[0] in ARITY and len(words) == ARITY[words[0]] + 1:
                operations.append((words[0], [int(w) for w in words[1:]]))
    return operations


def apply_all(operations):
    allocator = None
    for kind, args in operations:
        try:
            if kind == "capacity":
                allocator = Allocator(args[0])
            elif kind == "alloc":
                allocator.alloc(args[0])
            elif kind == "dealloc":
                allocator.dealloc(args[0], args[1])
            elif kind == "realloc":
                allocator.realloc(args[0], args[1], args[2])
            else:
                allocator.set_capacity(args[0])
        except (MemoryFailure, BadCall):
            pass


def main(paths):
    for path in paths:
        operations = parse(path)
        begin = time.perf_counter_ns()
        apply_all(operations)
        elapsed = time.perf_counter_ns() - begin
        print(f"ops={len(operations)} apply_ns={elapsed} ns_per_op={elapsed / max(1, len(operations)):.1f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
