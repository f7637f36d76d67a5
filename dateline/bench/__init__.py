"""Benchmarks: a synthetic timeline in our format, the same site for Hugo and Pelican, timings.

Run ``python -m dateline.bench --help`` or ``make bench``. Nothing here is imported by a build.
"""
