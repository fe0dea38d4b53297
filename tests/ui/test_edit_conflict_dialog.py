"""The edit dialog when another PC saved the same person in between: the save is refused
with who and when in the dialog, both versions are listed field by field, and "Reload"
puts the saved version in the form, after which the save goes through."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from tracker.services import beneficiaries as ben
from tracker.services import office
from tracker.ui.context import UiContext
from tracker.ui.dialogs.beneficiary_dialog import BeneficiaryDialog

from ..conftest import TODAY


def test_second_save_shows_both_versions_and_reloads(
    qtbot: Any, ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = ben.register(ctx.db, ctx.actor, ben.BeneficiaryInput(
        full_name="Vàng Thị Mỷ", sex="F", category="victim", ethnicity_code="08",
        birth_year=1995, commune_code="00769"), today=TODAY)  # fmt: skip
    dialog = BeneficiaryDialog(ctx, person)
    qtbot.addWidget(dialog)
    dialog.show()
    # Meanwhile, on another PC (another account), the village is changed.
    hoa = office.actor_for(ctx.db, "hoa")
    ben.edit(ctx.db, hoa, person.id, replace(person.as_input(), village="Thôn Pả Vi"))

    shown: dict[str, str] = {}

    def answer(box: QMessageBox) -> int:
        shown["text"], shown["info"] = box.text(), box.informativeText()
        monkeypatch.setattr(box, "clickedButton", lambda: box.buttons()[0])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    dialog.phone.setText("0912 345 678")
    dialog.submit()
    qtbot.waitUntil(lambda: "text" in shown, timeout=5000)

    assert "Vàng Thị Hoa (hoa) đã sửa hồ sơ MV-00001" in shown["text"]
    assert "«0912 345 678»" in shown["info"] and "«Thôn Pả Vi»" in shown["info"]
    assert dialog.isVisible()  # nothing saved, the dialog stays open
    qtbot.waitUntil(lambda: dialog.village.text() == "Thôn Pả Vi", timeout=5000)
    assert ben.get(ctx.db, ctx.actor, person.id).phone == ""
    # Reloaded: the change made again lands on top of the other one.
    dialog.phone.setText("0912 345 678")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.submit()
    saved = ben.get(ctx.db, ctx.actor, person.id)
    assert (saved.village, saved.phone, saved.version) == ("Thôn Pả Vi", "0912 345 678", 3)
