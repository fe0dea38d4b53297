"""Pass-on from the window: a calf passed on from one profile shows on the receiving
family's profile, the giver's duty leaves Today, and the quarter's report counts it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from tracker.services import beneficiaries, reports, visits
from tracker.services.beneficiaries import BeneficiaryInput
from tracker.services.projects import ProjectView
from tracker.services.visits import AssetUpdate, VisitOutcome
from tracker.ui import worker
from tracker.ui.context import Change
from tracker.ui.dialogs.pass_on_dialog import PassOnDialog
from tracker.ui.main_window import MainWindow

from ..conftest import TODAY
from .conftest import touches, type_text, visible
from .test_window import cow_handed_over

RECEIVER = "Sùng Thị Dợ"


def open_profile(window: MainWindow, qtbot, person_id: int):  # type: ignore[no-untyped-def]
    people = window.show_page("beneficiaries")
    qtbot.waitUntil(lambda: people.model.rowCount() >= 2, timeout=5000)
    with qtbot.waitSignal(people.profile.loaded, timeout=5000):
        people.open_profile(person_id)
    return people.profile


def test_a_calf_passed_on_shows_on_the_receivers_profile_and_in_the_report(  # type: ignore[no-untyped-def]
    window: MainWindow, qtbot, project: ProjectView
):
    ctx = window.ctx
    h = cow_handed_over(ctx.db, ctx.actor, project.id, date(2025, 1, 5), date(2025, 1, 10))
    first = visits.list_visits(ctx.db, ctx.actor, "all", beneficiary_id=h.beneficiary_id)[0]
    visits.record_visit(
        ctx.db,
        ctx.actor,
        VisitOutcome(first.id, date(2025, 2, 12), True,
                     asset_updates=(AssetUpdate(h.asset_ids[0], "calved"),)),
        today=TODAY,
    )  # fmt: skip
    receiver = beneficiaries.register(
        ctx.db,
        ctx.actor,
        BeneficiaryInput(full_name=RECEIVER, sex="F", category="at_risk", ethnicity_code="08",
                         birth_year=1992, commune_code="00769"),
        today=TODAY,
    )  # fmt: skip
    ctx.names_visible = True

    # Today names the family whose first calf is still to pass on.
    today = window.show_page("today")
    worker.wait_for_tasks(5000)  # its first load, from before the records above
    today.refresh()  # they were made by the services, without a notice
    qtbot.waitUntil(today.duties_label.isVisible, timeout=5000)
    assert today.duties_label.text() == (
        f"Con đầu chưa chuyển giao quay vòng: 1 — {h.beneficiary_code} {h.beneficiary_name}"
        " (trước 12/02/2026)"
    )

    # The giver's profile: the open duty, and the button.
    giver = open_profile(window, qtbot, h.beneficiary_id)
    assert giver.tabs.tabText(6) == "Quay vòng (1)"
    [duty] = giver.pass_on_texts()
    assert duty[1] == "Con đầu phải chuyển giao trước ngày 12/02/2026"
    assert giver.pass_on_button.isEnabled() and giver.pass_on_button.text() == (
        "Chuyển giao quay vòng…"
    )
    qtbot.mouseClick(giver.pass_on_button, Qt.MouseButton.LeftButton)
    (dialog,) = visible(window, PassOnDialog)
    assert dialog.windowTitle() == "Chuyển giao quay vòng cho gia đình khác"
    assert dialog.asset.currentText().startswith("Bê con")
    assert dialog.description.text() == "Bê con"

    # The receiving family not chosen: said next to the field, nothing saved.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    label = dialog.errors.label("receiver")
    assert label is not None
    qtbot.waitUntil(label.isVisible, timeout=5000)
    assert label.text().startswith("Gia đình nhận")

    type_text(dialog.receiver.search, "sung thi do")
    dialog.receiver.run_search()
    qtbot.waitUntil(lambda: dialog.receiver.results.count() == 1, timeout=5000)
    dialog.receiver.results.setCurrentRow(0)
    dialog.handed_on.set_value(date(2025, 6, 1))
    type_text(dialog.value, "8000000")
    type_text(dialog.witness_name, "Lù Thị Hoa")
    type_text(dialog.witness_title, "Chi hội trưởng phụ nữ thôn")
    with qtbot.waitSignal(
        ctx.events.changed, check_params_cb=touches(Change.PASS_ON), timeout=5000
    ) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    done = saved.args[0].result
    assert (done.receiver_name, done.value) == (RECEIVER, 8_000_000)

    # The giver: passed on, the duty done.
    passed = ["Đã chuyển giao cho"]
    qtbot.waitUntil(lambda: [r[1] for r in giver.pass_on_texts()] == passed, timeout=5000)
    assert giver.pass_on_texts()[0][2].endswith(RECEIVER)

    window.show_page("today")
    qtbot.waitUntil(lambda: not today.duties_label.isVisible(), timeout=5000)

    # The receiving family's profile: the calf is hers, with its visits and the note.
    mine = open_profile(window, qtbot, receiver.id)
    assert mine.name.text() == RECEIVER
    assert any(t.startswith("Bê con") for t in mine.asset_texts())
    [row] = mine.pass_on_texts()
    assert (row[0], row[1], row[3], row[5]) == ("01/06/2025", "Nhận từ", "Bê con", done.number)
    assert row[2].endswith(h.beneficiary_name) and "8.000.000" in row[4]
    planned = [v.scheduled_on for v in mine.visits_model.rows() if v.status == "scheduled"]
    assert date(2025, 7, 1) in planned

    # The quarter's report counts the calf and the family, apart from the money.
    page = window.show_page("reports")
    with qtbot.waitSignal(page.summary_shown, timeout=10_000):
        page.set_period(reports.quarter(2025, 2), "office")
    i = next(n for n, t in enumerate(page.tables) if t.key == "pass_on")
    model = page.models[i]
    cells = [
        [model.cell(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]
    assert cells[0] == ["Bò", 1, 1, 1, 1]
    assert page.tabs.tabText(i) == "Quay vòng"
