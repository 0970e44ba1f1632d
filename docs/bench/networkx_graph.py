"""networkx side of the graph benchmark: weighted PageRank and Louvain on an edge list 'src dst [weight]'.

Usage: /usr/bin/python3 docs/bench/networkx_graph.py EDGES [--skip-louvain]
"""
import sys
import time

import networkx as nx

t0 = time.time()
G = nx.DiGraph()
with open(sys.argv[1]) as f:
    for line in f:
        if line.startswith('#'):
            continue
        p = line.replace(',', ' ').split()
        if len(p) < 2 or p[0] == p[1]:
            continue
        w = float(p[2]) if len(p) > 2 else 1.0
        if G.has_edge(p[0], p[1]):
            G[p[0]][p[1]]['weight'] += w
        else:
            G.add_edge(p[0], p[1], weight=w)
t1 = time.time()
print(f"networkx load: {t1 - t0:.1f} s ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges)", flush=True)
pr = nx.pagerank(G, alpha=0.85, weight='weight')
t2 = time.time()
print(f"networkx weighted PageRank: {t2 - t1:.1f} s", flush=True)
if '--skip-louvain' not in sys.argv:
    U = G.to_undirected()
    comms = nx.algorithms.community.louvain_communities(U, weight='weight', seed=42)
    t3 = time.time()
    q = nx.algorithms.community.modularity(U, comms, weight='weight')
    print(f"networkx Louvain: {t3 - t2:.1f} s, {len(comms)} communities, modularity {q:.3f}", flush=True)
    print(f"networkx PageRank + Louvain: {t3 - t1:.1f} s (load not counted)")
