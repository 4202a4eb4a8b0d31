"""The Priorities step, one module per job.

``page`` holds the page and moves it between its faces; ``setup_face`` is a new
round's settings, ``round_face`` the facilitator's view of a round,
``voter_faces`` the ballot and the pass card (the secret ballot's boundary),
``results`` the outcome, its ties and the sponsor's order, and ``parts`` the
small pieces they share.
"""
