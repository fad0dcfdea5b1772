"""The kernel every domain uses: the acting user, permissions, domain errors, tenant CRUD,
transaction hooks, the audit trail, job rows, health checks, the Deps object and ports."""
