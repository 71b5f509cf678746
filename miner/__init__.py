"""PAXminer: Slack -> raw archive -> beatdowns -> scores -> charts, for F3 regions."""

__version__ = "0.1.0"
