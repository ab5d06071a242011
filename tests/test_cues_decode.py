"""The global decoder of the ``cues`` extractor: Chu–Liu/Edmonds maximum spanning trees."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cues.decode import max_arborescence, tree_score


@st.composite
def graphs(draw, max_nodes: int = 6):
    """A small graph with a root, a fallback edge root → every node, and random scored edges."""
    n = draw(st.integers(1, max_nodes))
    root = draw(st.integers(0, n - 1))
    score = st.integers(-5, 5).map(float)
    edges = [(root, v, draw(score)) for v in range(n) if v != root]
    pairs = [(u, v) for u in range(n) for v in range(n) if u != v and v != root]
    for u, v in draw(st.lists(st.sampled_from(pairs), max_size=3 * n)) if pairs else []:
        edges.append((u, v, draw(score)))
    return n, root, edges


def _is_tree(parent, root):
    for start in range(len(parent)):
        seen = set()
        node = start
        while node != root:
            if node in seen or parent[node] is None:
                return False
            seen.add(node)
            node = parent[node]
    return parent[root] is None


def _brute_force(n, root, edges):
    """The best score over every choice of one candidate parent per node that makes a tree."""
    incoming = {v: sorted({u for u, w, _ in edges if w == v and u != v}) for v in range(n) if v != root}
    nodes = sorted(incoming)
    best = None
    for choice in itertools.product(*(incoming[v] for v in nodes)):
        parent = [None] * n
        for v, p in zip(nodes, choice):
            parent[v] = p
        if _is_tree(parent, root):
            s = tree_score(parent, edges)
            best = s if best is None else max(best, s)
    return best


@given(graphs())
def test_the_result_is_a_tree_rooted_at_the_root_in_which_every_other_node_has_a_parent(g):
    """Whatever the scores, the decoder returns a spanning tree rooted at the given root."""
    n, root, edges = g
    parent = max_arborescence(n, root, edges)
    assert parent[root] is None
    assert all(parent[v] is not None for v in range(n) if v != root)
    assert _is_tree(parent, root)


@given(graphs(max_nodes=5))
def test_the_tree_is_optimal_on_small_graphs_checked_by_brute_force(g):
    """The decoded tree's score equals the best score over every spanning tree of the candidates."""
    n, root, edges = g
    parent = max_arborescence(n, root, edges)
    assert tree_score(parent, edges) == _brute_force(n, root, edges)


@given(graphs())
def test_decoding_is_deterministic(g):
    """The same candidates give the same tree."""
    n, root, edges = g
    assert max_arborescence(n, root, edges) == max_arborescence(n, root, list(edges))


def test_a_cycle_of_best_edges_is_broken_where_it_costs_least():
    """Two nodes that prefer each other: the one whose root edge loses least is attached to the root."""
    edges = [(0, 1, 1.0), (0, 2, 3.0), (1, 2, 5.0), (2, 1, 6.0)]
    assert max_arborescence(3, 0, edges) == [None, 2, 0]


def test_a_node_the_root_cannot_reach_is_an_error():
    """A node without any path from the root is a ValueError, not a silent orphan."""
    with pytest.raises(ValueError, match="node 2"):
        max_arborescence(3, 0, [(0, 1, 1.0)])


def test_a_long_chain_of_nested_cycles_decodes_without_recursion():
    """Many contraction rounds (nested cycles) do not hit Python's recursion limit."""
    n = 1500
    edges = [(0, v, 0.0) for v in range(1, n)]
    edges += [(v + 1, v, 2.0) for v in range(1, n - 1)] + [(1, n - 1, 2.0)]
    parent = max_arborescence(n, 0, edges)
    assert _is_tree(parent, 0)
    assert sum(1 for p in parent if p == 0) == 1
