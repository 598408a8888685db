import os
import shutil
from pathlib import Path

ROOT = "/srv/notes"


class NoteStore:
    def __init__(self, base: str = ROOT):
        self.base = base

    def read(self, name: str) -> str:
        return Path(self.base).joinpath(name).read_text()

    def wipe(self, name: str) -> None:
        shutil.rmtree(os.path.join(self.base, name))
