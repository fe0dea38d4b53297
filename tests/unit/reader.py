"""A reader who tries every value: given what a report prints (hidden cells marked "<5" or
"x") and every relation between its figures that a reader knows (sums, amounts that are a
known unit amount times a number of hand-overs, figures that are not printed at all), find
which values each hidden cell can really take.

Independent of the protection it checks: no interval shortcut decides anything here. An
exact answer over whole numbers says whether a hidden cell can take another value than its
true one: a mixed-integer solver's solution, checked in whole numbers, or its proof that
there is none; where it cannot tell, a complete search (every value of a small domain,
halves of a large one, each branch pruned only when an equation can no longer hold), and a
search that runs past its budget fails the test rather than passing it.
"""

from __future__ import annotations

import sys
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

SMALL = "<5"
TOP = 10**15  # any value a reader allows a cell with no bound

Equation = tuple[tuple[Hashable, int], ...]


class Undecided(AssertionError):
    """The search ran past its budget: the test cannot say the cell is safe."""


def sum_equation(group: Sequence[Hashable]) -> Equation:
    return (*((k, 1) for k in group[:-1]), (group[-1], -1))


@contextmanager
def _deep(levels: int) -> Iterator[None]:
    """The search fixes one figure a level: a report of some hundreds of figures goes as
    deep as it has figures, past Python's default limit of 1,000 frames."""
    before = sys.getrecursionlimit()
    sys.setrecursionlimit(max(before, levels))
    try:
        yield
    finally:
        sys.setrecursionlimit(before)


class Reader:
    def __init__(
        self,
        shown: Mapping[Hashable, int],
        hidden: Mapping[Hashable, str],
        equations: Iterable[Equation],
        truth: Mapping[Hashable, int],
        *,
        budget: int = 20_000,
    ) -> None:
        """``shown``: printed figures; ``hidden``: cell -> "<5" or "x"; ``equations``:
        what the reader knows (a key in neither is a figure nobody printed, 0 or more);
        ``truth``: the true value of every hidden and unprinted figure (the search starts
        near it, and its answer must include it)."""
        self.truth = dict(truth)
        self.budget = budget
        self.lo: dict[Hashable, int] = {}
        self.hi: dict[Hashable, int] = {}
        self.eqs: list[tuple[int, list[tuple[Hashable, int]]]] = []
        for k, m in hidden.items():
            self.lo[k], self.hi[k] = (1, 4) if m == SMALL else (0, TOP)
        for eq in equations:
            const = 0
            terms = []
            for k, c in eq:
                if k in shown and k not in hidden:
                    const += c * shown[k]
                else:
                    if k not in self.lo:
                        self.lo[k], self.hi[k] = 0, TOP
                    terms.append((k, c))
            if terms:
                self.eqs.append((const, terms))
            elif const != 0:
                raise AssertionError(f"the printed figures break a known relation: {eq}")
        self.occurs: dict[Hashable, list[int]] = {}
        for i, (_c, terms) in enumerate(self.eqs):
            for k, _ in terms:
                self.occurs.setdefault(k, []).append(i)
        for k in self.lo:
            assert k in self.truth, f"no true value for {k}"
        self.solutions: list[dict[Hashable, int]] = [dict(self.truth)]

    # --- the search ----------------------------------------------------------------------
    def _propagate(
        self, lo: dict[Hashable, int], hi: dict[Hashable, int], todo: Iterable[int]
    ) -> bool:
        queue = list(dict.fromkeys(todo))
        queued = set(queue)
        while queue:
            i = queue.pop()
            queued.discard(i)
            const, terms = self.eqs[i]
            low = const + sum(c * lo[k] if c > 0 else c * hi[k] for k, c in terms)
            high = const + sum(c * hi[k] if c > 0 else c * lo[k] for k, c in terms)
            if low > 0 or high < 0:
                return False
            for k, c in terms:
                own_low = c * lo[k] if c > 0 else c * hi[k]
                own_high = c * hi[k] if c > 0 else c * lo[k]
                # c * v in [-(high - own_high), -(low - own_low)]
                a, b = -(high - own_high), -(low - own_low)
                if c > 0:
                    n_lo, n_hi = -(-a // c), b // c
                else:
                    n_lo, n_hi = -(-b // c), a // c
                if n_lo > lo[k] or n_hi < hi[k]:
                    lo[k], hi[k] = max(lo[k], n_lo), min(hi[k], n_hi)
                    if lo[k] > hi[k]:
                        return False
                    for j in self.occurs.get(k, ()):
                        if j not in queued:
                            queued.add(j)
                            queue.append(j)
        return True

    def _solve(
        self, lo: dict[Hashable, int], hi: dict[Hashable, int], first: Hashable | None
    ) -> dict[Hashable, int] | None:
        """A solution within these bounds, or None when there is none."""
        self._nodes += 1
        if self._nodes > self.budget:
            raise Undecided("the reader's search ran past its budget")
        free = [k for k in lo if lo[k] < hi[k]]
        # Every figure not yet fixed at its true value (where its bounds allow): a
        # solution found fast when the change stays local.
        near = {k: min(max(self.truth[k], lo[k]), hi[k]) for k in lo}
        broken = [
            terms for const, terms in self.eqs if const + sum(c * near[k] for k, c in terms) != 0
        ]
        if free and not broken:
            return near
        around = {k for terms in broken for k, _c in terms if lo[k] < hi[k]}
        if not free:
            ok = all(const + sum(c * lo[k] for k, c in terms) == 0 for const, terms in self.eqs)
            return dict(lo) if ok else None
        if first is not None and 0 < hi[first] - lo[first] <= 12:
            # The cell asked about leads while few values are left to it; a wide one (an
            # amount) follows from the counts around it, which are tried first.
            var = first
        else:
            var = min(around or free, key=lambda k: (hi[k] - lo[k], repr(k)))
        t = min(max(self.truth[var], lo[var]), hi[var])
        if hi[var] - lo[var] <= 12:
            values = sorted(range(lo[var], hi[var] + 1), key=lambda v: (abs(v - t), v))
            choices = [(v, v) for v in values]
        elif lo[var] < self.truth[var] < hi[var]:
            # The values next to the true one first, then what lies below and above them.
            near = [t, t - 1, t + 1]
            choices = [(v, v) for v in near]
            below, above = (lo[var], t - 2), (t + 2, hi[var])
            choices += [r for r in (below, above) if r[0] <= r[1]]
        else:
            # Away from the true value: halves, the nearer first, so that the depth grows
            # with the number of digits of the domain and not with its size.
            mid = (lo[var] + hi[var]) // 2
            choices = [(lo[var], mid), (mid + 1, hi[var])]
            if t > mid:
                choices.reverse()
        for a, b in choices:
            lo2, hi2 = dict(lo), dict(hi)
            lo2[var], hi2[var] = a, b
            if self._propagate(lo2, hi2, self.occurs.get(var, ())):
                found = self._solve(lo2, hi2, first)
                if found is not None:
                    return found
        return None

    def can_differ(self, cell: Hashable) -> bool:
        """Whether ``cell`` can take a value other than its true one: a solution of every
        relation with the cell below its true value, or above it. Each side is first asked
        of a mixed-integer solver (HiGHS, through SciPy); a solution it gives is checked in
        whole numbers before it counts, and a side where it finds none is searched in full."""
        v = self.truth[cell]
        for s in self.solutions:
            if s[cell] != v:
                return True
        lo, hi = dict(self.lo), dict(self.hi)
        if not self._propagate(lo, hi, range(len(self.eqs))):
            raise AssertionError("the true figures do not satisfy the relations")
        for a, b in ((lo[cell], v - 1), (v + 1, hi[cell])):
            if a > b:
                continue
            lo2, hi2 = dict(lo), dict(hi)
            lo2[cell], hi2[cell] = a, b
            if not self._propagate(lo2, hi2, self.occurs.get(cell, ())):
                continue
            answer = self._milp(lo2, hi2)
            if not isinstance(answer, dict):
                # No solution from the solver: only the complete search may say there is
                # none (a solver's "infeasible" is a floating-point answer).
                self._nodes = 0
                with _deep(20 * len(lo2) + 1000):
                    answer = self._solve(lo2, hi2, cell)
                if answer is None:
                    continue
            self.solutions.append(answer)
            return True
        return False

    def _milp(
        self, lo: dict[Hashable, int], hi: dict[Hashable, int]
    ) -> dict[Hashable, int] | bool | None:
        """A whole-number solution within these bounds, False when the solver finds none,
        None when it cannot tell (or its answer is not exact in whole numbers)."""
        keys = list(lo)
        index = {k: i for i, k in enumerate(keys)}
        rows = np.zeros((len(self.eqs), len(keys)))
        rhs = np.zeros(len(self.eqs))
        for r, (const, terms) in enumerate(self.eqs):
            for k, c in terms:
                rows[r, index[k]] += c
            rhs[r] = -const
        bounds = Bounds([lo[k] for k in keys], [hi[k] if hi[k] < TOP else np.inf for k in keys])
        result = milp(
            c=np.zeros(len(keys)),
            constraints=[LinearConstraint(rows, rhs, rhs)] if len(self.eqs) else [],
            integrality=np.ones(len(keys)),
            bounds=bounds,
            # HiGHS's presolve has called solvable tables with amounts in the hundreds
            # of millions infeasible: without it, the answers agree with the search.
            options={"time_limit": 30.0, "presolve": False},
        )
        if result.status == 2:  # infeasible
            return False
        if result.x is None:
            return None
        found = {k: round(float(x)) for k, x in zip(keys, result.x, strict=True)}
        whole = all(lo[k] <= found[k] <= hi[k] for k in keys) and all(
            const + sum(c * found[k] for k, c in terms) == 0 for const, terms in self.eqs
        )
        return found if whole else None

    def values(self, cell: Hashable, limit: int = 6) -> set[int]:
        """Up to ``limit`` values ``cell`` can take (for small domains: all of them)."""
        seen = {s[cell] for s in self.solutions}
        lo, hi = dict(self.lo), dict(self.hi)
        assert self._propagate(lo, hi, range(len(self.eqs)))
        for v in range(lo[cell], min(hi[cell], lo[cell] + 40) + 1):
            if v in seen or len(seen) >= limit:
                continue
            lo2, hi2 = dict(lo), dict(hi)
            lo2[cell] = hi2[cell] = v
            self._nodes = 0
            if self._propagate(lo2, hi2, self.occurs.get(cell, ())):
                with _deep(20 * len(lo2) + 1000):
                    found = self._solve(lo2, hi2, None)
                if found is not None:
                    self.solutions.append(found)
                    seen.add(v)
        return seen
