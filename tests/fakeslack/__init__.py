"""A faithful fake of the Slack Web API for PAXminer's tests, benchmarks and demo."""

from tests.fakeslack.export import write_export
from tests.fakeslack.server import FakeSlack
from tests.fakeslack.state import Workspace
from tests.fakeslack.workspace import generate_region

__all__ = ["FakeSlack", "Workspace", "generate_region", "write_export"]
