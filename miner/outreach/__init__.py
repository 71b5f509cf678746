"""Outreach: acting on scores (slipping PAX, Q invitations, mentors, admin tickets)."""
