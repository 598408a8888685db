import pytest

from agentsvc.settings import Settings


@pytest.fixture
def tmp_settings(tmp_path):
    (tmp_path / "sandbox").mkdir()
    (tmp_path / "reports").mkdir()
    return Settings(
        docs_root=str(tmp_path),
        reports_root=str(tmp_path / "reports"),
        sandbox_root=tmp_path / "sandbox",
        db_path=str(tmp_path / "app.db"),
    )
