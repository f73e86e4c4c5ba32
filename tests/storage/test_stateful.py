"""A stateful model test: random sequences of vault operations against an in-memory model.

Operations: create, edit and delete groups, record attendance, lock and unlock, change the
passphrase, back up and restore. After every unlock and restore the vault must hold
exactly what the model holds.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, precondition, rule

from initiator_desktop.core.content import read_content
from initiator_desktop.core.memory_repository import MemoryRepository
from initiator_desktop.core.models import Attendance, Group
from initiator_desktop.storage.backup import restore_backup, write_backup
from initiator_desktop.storage.vault import Vault

names = st.text(alphabet="abcæøå ÆØÅ-", min_size=1, max_size=20).filter(str.strip)


class VaultMachine(RuleBasedStateMachine):
    groups = Bundle("groups")

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="stateful-"))
        self.path = self.folder / "s.vault"
        self.passphrase = "stateful passphrase 0"
        self.vault: Vault | None = Vault.create(self.path, self.passphrase)
        self.model = MemoryRepository()
        self.backup: tuple[Path, object] | None = None
        self.changes = 0

    def teardown(self) -> None:
        if self.vault is not None:
            self.vault.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _both(self, action: str, *args: object) -> None:
        assert self.vault is not None
        getattr(self.vault.repo, action)(*args)
        getattr(self.model, action)(*args)

    @precondition(lambda self: self.vault is not None)
    @rule(target=groups, name=names, theme=names)
    def create_group(self, name: str, theme: str) -> str:
        group = Group(name=name, theme=theme)
        self._both("save_group", group)
        return group.id

    @precondition(lambda self: self.vault is not None)
    @rule(group_id=groups, name=names)
    def rename_group(self, group_id: str, name: str) -> None:
        current = self.model.group(group_id)
        if current is not None:
            self._both("save_group", Group(name=name, theme=current.theme, id=group_id))

    @precondition(lambda self: self.vault is not None)
    @rule(group_id=groups)
    def delete_group(self, group_id: str) -> None:
        self._both("delete_group", group_id)

    @precondition(lambda self: self.vault is not None)
    @rule(group_id=groups, offset=st.integers(0, 30), present=st.integers(0, 12))
    def record_attendance(self, group_id: str, offset: int, present: int) -> None:
        if self.model.group(group_id) is not None:
            record = Attendance(date(2026, 1, 1) + timedelta(days=offset), present=present)
            self._both("save_attendance", group_id, record)

    @precondition(lambda self: self.vault is not None)
    @rule()
    def lock(self) -> None:
        assert self.vault is not None
        self.vault.close()
        self.vault = None

    @precondition(lambda self: self.vault is None)
    @rule()
    def unlock(self) -> None:
        self.vault = Vault.open(self.path, self.passphrase)

    @precondition(lambda self: self.vault is not None)
    @rule()
    def change_passphrase(self) -> None:
        assert self.vault is not None
        self.changes += 1
        self.passphrase = f"stateful passphrase {self.changes}"
        self.vault.change_passphrase(self.passphrase)

    @precondition(lambda self: self.vault is not None)
    @rule()
    def back_up(self) -> None:
        assert self.vault is not None
        target = self.folder / f"b{self.changes}.igbackup"
        target.unlink(missing_ok=True)
        write_backup(self.vault, target)
        self.backup = (target, (read_content(self.model), self.passphrase))

    @precondition(lambda self: self.backup is not None and self.vault is not None)
    @rule()
    def restore(self) -> None:
        assert self.backup is not None and self.vault is not None
        target, (content, passphrase) = self.backup  # type: ignore[misc]
        self.vault.close()
        restore_backup(target, self.path, passphrase=passphrase, replace_existing=True)
        self.passphrase = passphrase
        self.vault = Vault.open(self.path, passphrase)
        self.model = MemoryRepository()
        from initiator_desktop.core.content import add_content

        add_content(self.model, content)

    @invariant()
    def vault_equals_model(self) -> None:
        if self.vault is not None:
            assert read_content(self.vault.repo) == read_content(self.model)


TestVaultMachine = VaultMachine.TestCase
TestVaultMachine.settings = settings(
    max_examples=25, stateful_step_count=20, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
