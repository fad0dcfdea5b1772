"""Telling people: delivery channels (in-app, e-mail, Web Push, webhooks), who is told
about a unit, and the in-app inbox."""
