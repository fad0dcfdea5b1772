"""Business rules, one package per domain, in one acyclic order (docs/architecture.md):
core < setup < notifications < access < faces < visitors < gate | finance < demo.
Plain arguments and a ``core.deps.Deps`` in, domain objects out, domain errors up; no Flask."""
