"""The live checks: what the domain's checks found, and how much each function takes on.

Each finding shows its severity three ways (colour, symbol and word) and is
clickable: the page then selects the goal or the assignee it concerns. A
badge counts the findings by severity. Below, the coverage table gives each
function's A / R / C / I counts and names silos and bottlenecks in words.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.checks import Coverage, Finding, Severity, counts
from ..models.accountability.assignees import item_data
from ..models.accountability.checks import (
    COVERAGE_COLUMNS,
    CoverageModel,
    FindingsModel,
    counts_text,
    silo_and_bottleneck_sentence,
)
from ..models.base import Index
from ..roles import ASSIGNEE_ROLE, FINDING_ROLE, NOTE_ROLE, SEVERITY_ROLE
from ..theme import mark_content
from .goal_card import app_palette, blend
from .raci import (
    QUIET_SCROLLBAR,
    SEVERITY_SYMBOLS,
    scaled,
    segment_button,
    severity_colour,
    theme_colours,
)

_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class FindingDelegate(QStyledItemDelegate):
    """A finding: its symbol and word in the severity's colour, then the sentence, wrapped."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _geometry(self, option: QStyleOptionViewItem) -> tuple[float, float, float]:
        fm = QFontMetricsF(option.font)
        pad = round(fm.height() * 0.4)
        symbol = fm.height() * 1.3
        width = self._view.viewport().width() if self._view.viewport() else option.rect.width()
        return pad, symbol, max(60.0, width - 2 * pad - symbol)

    def _text(self, index: Index) -> tuple[Severity, str, str]:
        severity = item_data(index, SEVERITY_ROLE)
        assert isinstance(severity, Severity)
        return severity, severity.label, str(item_data(index) or "")

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        pad, symbol, width = self._geometry(option)
        _severity, _word, message = self._text(index)
        font = scaled(option.font, 0.92)
        fm = QFontMetricsF(font)
        label = fm.height()
        body = fm.boundingRect(QRectF(0, 0, width, 1e6), _WRAP, message).height()
        return QSize(int(width + symbol + 2 * pad), int(label + body + 2 * pad + 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = app_palette()
        pad, symbol, width = self._geometry(option)
        severity, word, message = self._text(index)
        colour = severity_colour(severity)
        accent = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(blend(base, accent, 0.18 if selected else 0.08))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(accent, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 8, 8)
        # A thin bar in the severity's colour down the left edge.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(
            QRectF(rect.left() + 2, rect.top() + pad, 4, rect.height() - 2 * pad), 2, 2
        )
        big = scaled(option.font, 1.05, bold=True)
        painter.setFont(big)
        painter.setPen(colour)
        painter.drawText(
            QRectF(rect.left() + pad, rect.top() + pad, symbol, QFontMetricsF(big).height()),
            Qt.AlignmentFlag.AlignCenter,
            SEVERITY_SYMBOLS[severity],
        )
        font = scaled(option.font, 0.92)
        fm = QFontMetricsF(font)
        x = rect.left() + pad + symbol
        painter.setFont(scaled(option.font, 0.92, bold=True))
        painter.drawText(QRectF(x, rect.top() + pad, width, fm.height()), _WRAP, word)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(x, rect.top() + pad + fm.height(), width, rect.height()), _WRAP, message
        )
        painter.restore()


class FindingsList(QListView):
    """The findings, one per row; Enter or a click selects what the finding is about."""

    sig_activated = Signal(object)
    """A finding was chosen (the Finding)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findings")
        self.setAccessibleName("Checks")
        self.setAccessibleDescription("Enter or a click selects the goal or assignee concerned.")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(1)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QListView { background: transparent; border: none; }" + QUIET_SCROLLBAR)
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setItemDelegate(FindingDelegate(self))
        self.clicked.connect(self._activate)
        self.activated.connect(self._activate)

    def _activate(self, index: QModelIndex) -> None:
        finding = item_data(index, FINDING_ROLE)
        if isinstance(finding, Finding):
            self.sig_activated.emit(finding)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if event.key() in keys and self.currentIndex().isValid():
            self._activate(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class CoverageDelegate(QStyledItemDelegate):
    """A function's swatch and name (with its silo or bottleneck note below, in words),
    then its counts, centred, bold, and a quiet dot for none."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        fm = QFontMetricsF(option.font)
        pad = fm.height() * 0.25
        if index.column() != 0:
            return QSize(int(fm.height() * 1.5), int(fm.height() + 2 * pad))
        note = str(item_data(index, NOTE_ROLE) or "")
        height = fm.height() + 2 * pad
        if note:
            small = QFontMetricsF(scaled(option.font, 0.85, bold=True))
            width = max(40.0, self._view.columnWidth(0) - fm.height() * 1.4)
            height += small.boundingRect(QRectF(0, 0, width, 1e6), _WRAP, f"▲ {note}").height()
        return QSize(int(fm.height() * 6), int(height + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette = app_palette()
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        fm = QFontMetricsF(option.font)
        pad = fm.height() * 0.25
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, blend(base, accent, 0.2))
        text = str(item_data(index) or "")
        line = QRectF(rect.left(), rect.top() + pad, rect.width(), fm.height())
        if index.column() == 0:
            colour = item_data(index, Qt.ItemDataRole.DecorationRole)
            swatch = fm.height() * 0.7
            box = QRectF(rect.left() + 4, line.center().y() - swatch / 2, swatch, swatch)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
            painter.setBrush(colour)
            painter.drawRoundedRect(box, 3, 3)
            left = box.right() + fm.height() * 0.45
            width = rect.right() - left - 2
            painter.setFont(option.font)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                QRectF(left, line.top(), width, line.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                fm.elidedText(text, Qt.TextElideMode.ElideRight, width),
            )
            note = str(item_data(index, NOTE_ROLE) or "")
            if note:
                painter.setFont(scaled(option.font, 0.85, bold=True))
                painter.setPen(severity_colour(Severity.WARNING))
                painter.drawText(
                    QRectF(left, line.bottom(), width, rect.bottom() - line.bottom()),
                    _WRAP,
                    f"▲ {note}",
                )
        else:
            zero = text == "0"
            painter.setFont(scaled(option.font, 1.0, bold=not zero))
            role = QPalette.ColorRole.PlaceholderText if zero else QPalette.ColorRole.Text
            painter.setPen(palette.color(role))
            painter.drawText(line, Qt.AlignmentFlag.AlignCenter, "·" if zero else text)
        painter.restore()


class ChecksPanel(QFrame):
    """The findings with their badge, and the coverage per function."""

    sig_finding_activated = Signal(object)
    """A finding was clicked or chosen by key (the Finding)."""

    sig_function_activated = Signal(object)
    """A row of the coverage table was chosen (the function's Assignee)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("cxRole", "panel")
        self.setAccessibleName("Checks and coverage")

        # Each part is made in its place, so the style reaches it once.
        self.badge = QLabel(self)
        self.badge.setObjectName("checks_badge")
        self.badge.setTextFormat(Qt.TextFormat.RichText)
        self.badge.setWordWrap(True)

        self.findings_model = FindingsModel(self)
        self.pages = QStackedWidget(self)
        findings_page = QWidget()
        self.pages.addWidget(findings_page)
        self.findings = FindingsList(findings_page)
        self.findings.setModel(self.findings_model)
        self.findings.sig_activated.connect(self.sig_finding_activated)
        self.all_clear = QLabel(
            "Every goal has one Accountable and a Responsible, and nobody is left out.",
            findings_page,
        )
        self.all_clear.setWordWrap(True)
        self.all_clear.setObjectName("all_clear")

        # The coverage table is not part of the first frame: it comes with the first
        # coverage to show (the checks run after the board's first paint), or when asked for.
        self.coverage_model = CoverageModel(self)
        self._coverage: QTableView | None = None
        self._coverage_summary: QLabel | None = None
        self._summary = ""
        self._count_width = int(QFontMetricsF(self.font()).height() * 1.45)
        """How wide each count's column is, measured with the panel."""

        # Findings and coverage share the panel, one at a time, each with its full height.
        self.findings_button = segment_button(
            "Checks", "What the checks found, gaps and overloads first", first=True
        )
        self.coverage_button = segment_button(
            "Coverage", "How many A, R, C and I each function holds", first=False
        )
        self.findings_button.setObjectName("show_findings")
        self.coverage_button.setObjectName("show_coverage")
        self.findings_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.findings_button)
        group.addButton(self.coverage_button)
        self.findings_button.clicked.connect(lambda: self.show_coverage(False))
        self.coverage_button.clicked.connect(lambda: self.show_coverage(True))
        switch = QHBoxLayout()
        switch.setSpacing(0)
        switch.addWidget(self.findings_button)
        switch.addWidget(self.coverage_button)
        switch.addStretch(1)

        findings_layout = QVBoxLayout(findings_page)
        findings_layout.setContentsMargins(0, 0, 0, 0)
        findings_layout.addWidget(self.findings, 1)
        findings_layout.addWidget(self.all_clear)
        findings_layout.addStretch(0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 10, 14)
        layout.setSpacing(10)
        layout.addLayout(switch)
        layout.addWidget(self.badge)
        layout.addWidget(self.pages, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.set_results([], [], {})

    @property
    def coverage(self) -> QTableView:
        """The coverage table, built with the first coverage or when first asked for."""
        return self._coverage_parts()[0]

    @property
    def coverage_summary(self) -> QLabel:
        """The sentence under the coverage table that names silos and bottlenecks."""
        return self._coverage_parts()[1]

    def _coverage_parts(self) -> tuple[QTableView, QLabel]:
        if self._coverage is None or self._coverage_summary is None:
            self._coverage, self._coverage_summary = self._build_coverage()
        return self._coverage, self._coverage_summary

    def _build_coverage(self) -> tuple[QTableView, QLabel]:
        table = QTableView()
        table.setObjectName("coverage")
        table.setAccessibleName("Coverage by function")
        table.setModel(self.coverage_model)
        table.setItemDelegate(CoverageDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        table.setFrameShape(QFrame.Shape.NoFrame)
        table.setStyleSheet(
            "QTableView { background: transparent; border: none; }" + QUIET_SCROLLBAR
        )
        table.viewport().setAutoFillBackground(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COVERAGE_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self._count_width)
        header.setHighlightSections(False)
        table.clicked.connect(self._function_chosen)
        table.activated.connect(self._function_chosen)
        summary = QLabel(self._summary)
        summary.setObjectName("coverage_summary")
        summary.setWordWrap(True)
        summary.setProperty("cxRole", "muted")
        coverage_page = QWidget()
        # Made after the theme reached the panel: marked, it takes the content font itself.
        mark_content(coverage_page)
        coverage_layout = QVBoxLayout(coverage_page)
        coverage_layout.setContentsMargins(0, 0, 0, 0)
        coverage_layout.setSpacing(10)
        coverage_layout.addWidget(table, 1)
        coverage_layout.addWidget(summary)
        self.pages.addWidget(coverage_page)
        # In the Tab order where it always was: right after the findings.
        QWidget.setTabOrder(self.findings, table)
        return table, summary

    def _function_chosen(self, index: QModelIndex) -> None:
        who = item_data(self.coverage_model.index(index.row(), 0), ASSIGNEE_ROLE)
        if who is not None:
            self.sig_function_activated.emit(who)

    def set_results(
        self, findings: list[Finding], coverage: list[Coverage], colours: dict[str, str]
    ) -> None:
        """Show these findings and this coverage; the views keep their place."""
        if coverage:
            self._coverage_parts()
        self.findings_model.set_findings(findings)
        self.coverage_model.set_coverage(coverage, colours)
        self.badge.setText(badge_html(counts(findings)))
        self.badge.setToolTip(counts_text(counts(findings)))
        self.badge.setAccessibleName(f"Checks: {counts_text(counts(findings))}")
        self.findings.setVisible(bool(findings))
        self.all_clear.setVisible(not findings)
        if not findings:
            self.all_clear.setStyleSheet(f"color: {theme_colours().ok};")
        self._summary = silo_and_bottleneck_sentence(coverage) if coverage else ""
        if self._coverage_summary is not None:
            self._coverage_summary.setText(self._summary)
        if self.coverage_shown():
            self.coverage.resizeRowsToContents()

    def coverage_shown(self) -> bool:
        return self.pages.currentIndex() == 1

    def show_coverage(self, on: bool) -> None:
        """Show the coverage per function (True) or the findings (False)."""
        if on:
            self._coverage_parts()
        self.pages.setCurrentIndex(1 if on else 0)
        self.coverage_button.setChecked(on)
        self.findings_button.setChecked(not on)
        if on:
            self.coverage.resizeRowsToContents()


def badge_html(tally: dict[Severity, int]) -> str:
    """The badge: each severity's symbol and count in its colour, with its word."""
    # Plain words of our own: nothing in them needs escaping for the rich text.
    words = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    parts = []
    for severity, n in tally.items():
        if not n:
            continue
        colour = severity_colour(severity).name()
        word = f"{words[severity]}{'s' if n != 1 else ''}"
        parts.append(
            f'<span style="color:{colour}; font-weight:600">{SEVERITY_SYMBOLS[severity]} {n}</span>'
            f" {word}"
        )
    if not parts:
        return f'<span style="color:{theme_colours().ok}; font-weight:600">✓ All clear</span>'
    return " &nbsp; ".join(parts)
