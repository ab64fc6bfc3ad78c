# Services the test suite needs; sourced by .ci/run. Each step is skipped when already present.
# (Filled in by the platform work: PostgreSQL server, Chromium.)
true
