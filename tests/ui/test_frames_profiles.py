"""Frame profiles through the GUI: make, rename, export, import (and a clash of ids),
apply to a group's frames; file choosers are injected, as a real one never returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from initiator_desktop.core.frame_library import Preset, default_frames, preset_keys
from initiator_desktop.core.frame_profiles import FrameProfile, ProfileItem, create_profile
from initiator_desktop.core.group_page import GroupPage, save_group_page
from initiator_desktop.core.models import FrameKind, FrameText, Group
from initiator_desktop.exchange import frame_profile_file
from initiator_desktop.storage.vault import Vault
from initiator_desktop.ui import message_boxes
from initiator_desktop.ui.frames import open_frame_profiles
from initiator_desktop.ui.frames.profile_edit_dialog import ProfileEditDialog
from initiator_desktop.ui.frames.profiles_dialog import FrameProfilesDialog
from initiator_desktop.ui.groups.group_page_widget import GroupPageWidget
from initiator_desktop.ui.style import ErrorLabel
from tests.ui.conftest import fixed_clock

LEFT = Qt.MouseButton.LeftButton
OK = QDialogButtonBox.StandardButton.Ok


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isEnabled(), widget
    qtbot.mouseClick(widget, LEFT)


class Chooser:
    """Stands in for a file dialog: returns ``path`` and remembers what it was asked."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked: list[tuple[str, Path]] = []

    def __call__(self, _parent: QWidget, caption: str, start: Path) -> Path | None:
        self.asked.append((caption, start))
        return self.path


def profiles_dialog(qtbot: QtBot, vault: Vault, tmp_path: Path, *, open_path: Path | None = None,
                    save_path: Path | Chooser | None = None) -> FrameProfilesDialog:
    saver = save_path if isinstance(save_path, Chooser) else Chooser(save_path)
    dialog = open_frame_profiles(None, vault.repo, choose_open=Chooser(open_path),
                                 choose_save=saver, folder=tmp_path)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    return dialog


def fill_and_save(qtbot: QtBot, edit: ProfileEditDialog | None, name: str,
                  version: str = "1") -> ProfileEditDialog:
    assert edit is not None and edit.isVisible()
    edit.name.setText(name)
    edit.version.setText(version)
    click(qtbot, edit.buttons.button(OK))
    return edit


def a_group(vault: Vault, frames: object = None) -> str:
    items = tuple(default_frames(Preset.SN)) if frames is None else frames
    page = GroupPage(group=Group(name="Tirsdagsgruppa"), frames=items)  # type: ignore[arg-type]
    return save_group_page(vault.repo, page).group_id


def test_make_from_a_preset_rename_and_delete(
    qtbot: QtBot, vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = profiles_dialog(qtbot, vault, tmp_path)
    assert not dialog.export_button.isEnabled()
    click(qtbot, dialog.new_button)
    edit = dialog.edit_dialog
    assert edit is not None
    edit.source.setCurrentIndex(edit.source.findData("preset:phone"))
    fill_and_save(qtbot, edit, "", "1")
    assert edit.isVisible() and vault.repo.frame_profiles() == []  # stays open to fix it
    assert "This field must not be empty." in [
        label.text() for label in edit.findChildren(ErrorLabel) if label.isVisibleTo(edit)]
    fill_and_save(qtbot, edit, "LINK Oslo", "2026.1")
    assert not edit.isVisible()
    [profile] = vault.repo.frame_profiles()
    assert (profile.name, profile.version) == ("LINK Oslo", "2026.1")
    assert [i.library_key for i in profile.items] == list(preset_keys(Preset.PHONE))
    assert dialog.model.rowCount() == 1 and dialog.current() == profile

    click(qtbot, dialog.rename_button)
    fill_and_save(qtbot, dialog.edit_dialog, "LINK Oslo sentrum", "2026.2")
    assert [(p.name, p.version) for p in vault.repo.frame_profiles()] == [
        ("LINK Oslo sentrum", "2026.2")]

    click(qtbot, dialog.delete_button)  # the test fixture answers No
    assert len(vault.repo.frame_profiles()) == 1
    monkeypatch.setattr(message_boxes, "confirm", lambda *_args: True)
    click(qtbot, dialog.delete_button)
    assert vault.repo.frame_profiles() == []
    assert not dialog.rename_button.isEnabled()


def test_make_from_a_groups_saved_frames(qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    own = (default_frames(Preset.SN)[0],)
    group_id = a_group(vault, own)
    dialog = profiles_dialog(qtbot, vault, tmp_path)
    click(qtbot, dialog.new_button)
    edit = dialog.edit_dialog
    assert edit is not None
    edit.source.setCurrentIndex(edit.source.findData(f"group:{group_id}"))
    assert "Tirsdagsgruppa" in edit.source.currentText()
    fill_and_save(qtbot, edit, "Vår ordlyd")
    [profile] = vault.repo.frame_profiles()
    assert [i.texts for i in profile.items] == [own[0].texts]


def test_export_then_import_on_another_laptop(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    made = create_profile(vault.repo, FrameProfile("LINK Lyngen", (
        ProfileItem(FrameKind.PRACTICAL, {"nb": FrameText("Lukket gruppe", "Ingen nye.")},
                    "closed_group"),), "3"))
    target = tmp_path / "lyngen.json"
    saver = Chooser(target)
    dialog = profiles_dialog(qtbot, vault, tmp_path, save_path=saver)
    click(qtbot, dialog.export_button)
    assert target.read_bytes() == frame_profile_file.dumps(made)
    assert saver.asked == [("Export frame profile", tmp_path / "link-lyngen-3.json")]
    assert dialog.note.text() == f"Exported to {target}"

    with Vault.create(tmp_path / "other.vault", "another laptop passphrase") as other:
        there = profiles_dialog(qtbot, other, tmp_path, open_path=target)
        click(qtbot, there.import_button)
        assert other.repo.frame_profiles() == [made]
        assert there.note.text() == "Imported “LINK Lyngen (version 3)”."

        click(qtbot, there.import_button)  # the same file again: refused, a copy offered
        assert there.conflict.isVisible()
        assert "already in the vault: “LINK Lyngen”, version 3" in there.conflict.label.text()
        assert len(other.repo.frame_profiles()) == 1
        click(qtbot, there.copy_button)
        assert not there.conflict.isVisible()
        stored = other.repo.frame_profiles()
        assert len(stored) == 2 and [p.items for p in stored] == [made.items, made.items]
        assert len({p.id for p in stored}) == 2


@pytest.mark.parametrize(("content", "expected"), [
    (b'{"format": "initiator-desktop/vault", "format_version": 2}',
     "The file cannot be used: This is not a frame profile file. (at $.format)"),
    (b"\xff\xfe", "The file cannot be used: The file is not UTF-8 text. (at $)"),
])
def test_an_invalid_file_is_explained_and_changes_nothing(
    qtbot: QtBot, vault: Vault, tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    dialog = profiles_dialog(qtbot, vault, tmp_path, open_path=bad)
    click(qtbot, dialog.import_button)
    assert dialog.message.text() == expected
    assert vault.repo.frame_profiles() == []


def test_cancelled_file_choosers_do_nothing(qtbot: QtBot, vault: Vault, tmp_path: Path) -> None:
    create_profile(vault.repo, FrameProfile("LINK", (ProfileItem(
        FrameKind.CUSTOM, {"en": FrameText("Phones off")}),)))
    dialog = profiles_dialog(qtbot, vault, tmp_path)
    click(qtbot, dialog.import_button)
    click(qtbot, dialog.export_button)
    assert dialog.message.text() == "" and dialog.note.text() == ""
    assert list(tmp_path.glob("*.json")) == []


# -- applying on the group page ----------------------------------------------------------------
def group_page(qtbot: QtBot, vault: Vault, group_id: str) -> GroupPageWidget:
    page = GroupPageWidget(vault.repo, clock=fixed_clock)
    qtbot.addWidget(page)
    page.show()
    assert page.show_group(group_id)
    return page


def apply_with(qtbot: QtBot, page: GroupPageWidget, profile_id: str, replace: bool) -> None:
    actions = page.frames.profiles
    assert actions is not None
    actions.apply_action.trigger()
    dialog = actions.apply_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.select_profile(profile_id)
    (dialog.replace if replace else dialog.add).setChecked(True)
    click(qtbot, dialog.buttons.button(OK))


def test_apply_a_profile_by_adding_and_by_replacing(qtbot: QtBot, vault: Vault) -> None:
    group_id = a_group(vault)
    link = create_profile(vault.repo, FrameProfile("LINK Oslo", (
        ProfileItem(FrameKind.PRACTICAL, {"nb": FrameText("Fem til sju", "Vi er få.")},
                    "group_size"),
        ProfileItem(FrameKind.CUSTOM, {"nb": FrameText("Telefonen av", "Helt av.")}),
    ), "2"))
    page = group_page(qtbot, vault, group_id)
    count = page.frames.model.rowCount()

    apply_with(qtbot, page, link.id, replace=False)
    assert page.frames.model.rowCount() == count + 1  # group_size is there already
    assert page.frames.note.text() == (
        "1 frame of the profile was already in the list and was left out.")
    assert page.is_dirty() and vault.repo.frames(group_id)[0].text("nb").title != "Fem til sju"
    apply_with(qtbot, page, link.id, replace=False)  # adding twice adds nothing more
    assert page.frames.model.rowCount() == count + 1

    apply_with(qtbot, page, link.id, replace=True)
    assert page.save()
    saved = vault.repo.frames(group_id)
    assert [f.text("nb").title for f in saved] == ["Fem til sju", "Telefonen av"]
    assert saved[0].source_key == "group_size"
    page.frames.table.selectRow(0)
    assert page.frames.reset_button.isEnabled()  # the library wording is one click away


def test_save_the_page_frames_as_a_profile(qtbot: QtBot, vault: Vault) -> None:
    group_id = a_group(vault)
    page = group_page(qtbot, vault, group_id)
    page.frames.table.selectRow(0)
    page.frames.title.setText("Seks av oss")
    page.frames.title.textEdited.emit("Seks av oss")
    actions = page.frames.profiles
    assert actions is not None
    actions.save_action.trigger()
    fill_and_save(qtbot, actions.save_dialog, "Tirsdag", "1")
    [profile] = vault.repo.frame_profiles()
    assert profile.items[0].text("en").title == "Seks av oss"  # the unsaved wording too


def test_apply_without_profiles_says_where_to_get_one(qtbot: QtBot, vault: Vault) -> None:
    page = group_page(qtbot, vault, a_group(vault))
    actions = page.frames.profiles
    assert actions is not None
    actions.apply_action.trigger()
    dialog = actions.apply_dialog
    assert dialog is not None
    assert not dialog.buttons.button(OK).isEnabled()
    assert "no frame profiles yet" in dialog.about.text()
    actions.manage_action.trigger()
    assert isinstance(actions.profiles_dialog, FrameProfilesDialog)
    assert actions.profiles_dialog.isVisible()


def test_an_export_that_cannot_be_written_says_why(
    qtbot: QtBot, vault: Vault, tmp_path: Path
) -> None:
    create_profile(vault.repo, FrameProfile("LINK", (ProfileItem(
        FrameKind.CUSTOM, {"en": FrameText("Phones off")}),)))
    dialog = profiles_dialog(qtbot, vault, tmp_path, save_path=tmp_path / "gone" / "x.json")
    click(qtbot, dialog.export_button)
    assert dialog.message.text().startswith("The file could not be written:")
    assert not (tmp_path / "gone").exists()
