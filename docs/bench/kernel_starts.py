"""Starts the notebooks' Java kernel N times and counts the starts that never answer Jupyter.

Usage (after one `notebooks/run`, which writes the kernel spec):
  JUPYTER_PATH=target/jupyter /usr/bin/python3 docs/bench/kernel_starts.py 50
"""
import sys
import time

from jupyter_client.manager import KernelManager

hung = 0
runs = int(sys.argv[1])
for i in range(runs):
    km = KernelManager(kernel_name="listening-post-java")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    t = time.time()
    try:
        kc.wait_for_ready(timeout=20)
        print(i, "answered in", round(time.time() - t, 1), "s", flush=True)
    except RuntimeError as e:
        hung += 1
        print(i, "hung:", e, flush=True)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(f"{hung} of {runs} starts hung")
